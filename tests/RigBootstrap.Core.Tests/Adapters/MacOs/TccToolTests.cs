using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The real TCC adapter against a scripted sqlite3: which database, the exact argv, and every failure's message.</summary>
public sealed class TccToolTests : IDisposable
{
    private const string Accessibility = "kTCCServiceAccessibility";
    private const string AppleEvents = "kTCCServiceAppleEvents";
    private const string Agent = "/usr/local/bin/rig-agent";

    private readonly TempHostRoot _root = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly TccTool _tcc;

    public TccToolTests() => _tcc = new TccTool(_runner, TccDatabaseFile.DefaultTools, _root.Paths);

    private string SystemDbPath => _root.Paths.SystemTccDatabasePath;

    private string UserDbPath => _root.Paths.UserTccDatabasePath("rig");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Accessibility_is_read_from_the_system_database_with_a_read_only_query()
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Then(0, $$"""[{"service":"{{Accessibility}}","client":"{{Agent}}","client_type":1,"auth_value":2,"auth_reason":6}]""" + "\n");

        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.Granted);
        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.FileName.Should().Be(TccDatabaseFile.DefaultTools.PathOf(ToolNames.Sqlite3));
        spec.Arguments.Should().Equal("-readonly", "-init", "/dev/null", "-json", SystemDbPath, TccQuery.GrantCheckSql(Accessibility, Agent));
        SystemDbPath.Should().StartWith(_root.Paths.RootDirPath + "/Library/Application Support/com.apple.TCC/");
    }

    [Fact]
    public async Task Apple_events_are_read_from_the_users_own_database()
    {
        // Arrange
        Touch(UserDbPath);
        _runner.Then(0, $$"""[{"service":"{{AppleEvents}}","client":"com.rig.agent","client_type":0,"auth_value":2,"auth_reason":6}]""");

        // Act
        var status = await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.Granted);
        _runner.Specs.Single().Arguments[4].Should().Be(_root.Paths.RootDirPath + "/Users/rig/Library/Application Support/com.apple.TCC/TCC.db");
    }

    [Fact]
    public async Task A_missing_user_database_is_reported_as_such_without_running_sqlite3()
    {
        // Arrange: before the user's first login there is no user TCC.db.
        Touch(SystemDbPath);

        // Act
        var status = await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.UserDatabaseMissing);
        _runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task A_system_service_does_not_need_the_user_database()
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Then(0, "");

        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "nobody-logged-in-yet", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.NotGranted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_denied_unknown_or_limited_row_is_not_a_grant(int authValue)
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Then(0, $$"""[{"service":"{{Accessibility}}","client":"{{Agent}}","client_type":1,"auth_value":{{authValue}},"auth_reason":3}]""");

        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.NotGranted);
    }

    [Fact]
    public async Task A_missing_system_database_is_an_error()
    {
        // Act
        var act = () => _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage("*system TCC database*does not exist*");
    }

    [Theory]
    [InlineData("Error: unable to open database \"TCC.db\": authorization denied\n")]
    [InlineData("Error: unable to open database \"TCC.db\": unable to open database file\n")]
    [InlineData("Error: in prepare, not authorized (23)\n")]
    public async Task An_unreadable_database_names_full_disk_access_as_the_fix(string stderr)
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Then(1, stderr: stderr);

        // Act
        var act = () => _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        var thrown = await act.Should().ThrowAsync<TccException>();
        thrown.WithMessage($"cannot read {SystemDbPath}: *Full Disk Access*");
        thrown.WithMessage($"*PPPC profile granting SystemPolicyAllFiles to {HostPaths.InstalledBinaryLocation}*");
    }

    [Fact]
    public async Task A_file_that_is_not_a_tcc_database_is_named_as_such()
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Then(26, stderr: "Error: in prepare, file is not a database (26)\n");

        // Act
        var act = () => _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage($"{SystemDbPath} is not a TCC database*file is not a database*");
    }

    [Fact]
    public async Task Output_that_is_not_json_rows_is_an_error_naming_the_database()
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Then(0, "kTCCServiceAccessibility|/usr/local/bin/rig-agent|1|2|6\n");

        // Act
        var act = () => _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage($"could not read the grants in {SystemDbPath}:*");
    }

    [Fact]
    public async Task A_query_that_times_out_is_an_error()
    {
        // Arrange
        Touch(SystemDbPath);
        _runner.Responder = _ => FakeProcessRunner.Result(143) with { TimedOut = true };

        // Act
        var act = () => _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage("sqlite3 did not read*within 30 s*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("rig/../../var")]
    public async Task A_user_name_that_is_not_a_plain_name_is_refused(string userName)
    {
        // Act
        var act = () => _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", userName, CancellationToken.None);

        // Assert
        await act.Should().ThrowAsync<ArgumentException>();
        _runner.Specs.Should().BeEmpty();
    }

    private static void Touch(string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        File.WriteAllBytes(filePath, []);
    }
}
