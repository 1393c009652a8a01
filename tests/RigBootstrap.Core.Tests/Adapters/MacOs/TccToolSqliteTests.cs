using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The real TCC adapter running the real sqlite3 on TCC.db files made from the fixture schema under a temporary root.</summary>
public sealed class TccToolSqliteTests : IDisposable
{
    private const string Accessibility = "kTCCServiceAccessibility";
    private const string AppleEvents = "kTCCServiceAppleEvents";
    private const string Agent = "/usr/local/bin/rig-agent";

    private readonly TempHostRoot _root = new();
    private readonly TccTool _tcc;

    public TccToolSqliteTests() => _tcc = new TccTool(new ProcessRunner(TimeProvider.System), TccDatabaseFile.DefaultTools, _root.Paths);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_allowed_row_in_the_system_database_is_a_grant()
    {
        // Arrange
        await TccDatabaseFile.CreateAsync(_root.Paths.SystemTccDatabasePath, CancellationToken.None);
        await TccDatabaseFile.InsertAsync(_root.Paths.SystemTccDatabasePath, Accessibility, Agent, 2, CancellationToken.None);

        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.Granted);
    }

    [Fact]
    public async Task An_accessibility_row_in_the_user_database_does_not_count()
    {
        // Arrange: tccd reads Accessibility from the system database only.
        await TccDatabaseFile.CreateAsync(_root.Paths.SystemTccDatabasePath, CancellationToken.None);
        await TccDatabaseFile.CreateAsync(_root.Paths.UserTccDatabasePath("rig"), CancellationToken.None);
        await TccDatabaseFile.InsertAsync(_root.Paths.UserTccDatabasePath("rig"), Accessibility, Agent, 2, CancellationToken.None);

        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.NotGranted);
    }

    [Fact]
    public async Task An_apple_events_row_in_the_users_database_is_a_grant_and_another_users_is_not()
    {
        // Arrange
        await TccDatabaseFile.CreateAsync(_root.Paths.UserTccDatabasePath("rig"), CancellationToken.None);
        await TccDatabaseFile.CreateAsync(_root.Paths.UserTccDatabasePath("admin"), CancellationToken.None);
        await TccDatabaseFile.InsertAsync(_root.Paths.UserTccDatabasePath("admin"), AppleEvents, "com.rig.agent", 2, CancellationToken.None);

        // Act
        var forRig = await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None);
        var forAdmin = await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "admin", CancellationToken.None);

        // Assert
        forRig.Should().Be(TccGrantStatus.NotGranted);
        forAdmin.Should().Be(TccGrantStatus.Granted);
    }

    [Fact]
    public async Task A_denied_row_is_not_a_grant()
    {
        // Arrange
        await TccDatabaseFile.CreateAsync(_root.Paths.SystemTccDatabasePath, CancellationToken.None);
        await TccDatabaseFile.InsertAsync(_root.Paths.SystemTccDatabasePath, Accessibility, Agent, 0, CancellationToken.None);

        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.NotGranted);
    }

    [Fact]
    public async Task The_query_leaves_the_database_unchanged()
    {
        // Arrange
        var databasePath = _root.Paths.SystemTccDatabasePath;
        await TccDatabaseFile.CreateAsync(databasePath, CancellationToken.None);
        await TccDatabaseFile.InsertAsync(databasePath, Accessibility, Agent, 2, CancellationToken.None);
        var before = await File.ReadAllBytesAsync(databasePath);

        // Act
        await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await File.ReadAllBytesAsync(databasePath)).Should().Equal(before);
        _root.Files().Should().ContainSingle();
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_as_such()
    {
        // Arrange
        Directory.CreateDirectory(Path.GetDirectoryName(_root.Paths.SystemTccDatabasePath)!);
        await File.WriteAllTextAsync(_root.Paths.SystemTccDatabasePath, "not sqlite at all, just text that is long enough to have a header\n");

        // Act
        var act = () => _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage("*is not a TCC database*");
    }

    [Fact]
    public async Task A_sqlite3_that_is_not_installed_names_the_fix()
    {
        // Arrange: a tools dir without sqlite3 in it.
        await TccDatabaseFile.CreateAsync(_root.Paths.SystemTccDatabasePath, CancellationToken.None);
        var toolsDir = Directory.CreateDirectory(Path.Join(_root.Paths.RootDirPath, "empty-tools")).FullName;
        var tcc = new TccTool(new ProcessRunner(TimeProvider.System), new ToolTable(toolsDir, ImmutableDictionary<string, string>.Empty), _root.Paths);

        // Act
        var act = () => tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage("sqlite3 could not be started*install sqlite3*");
    }
}
