using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

/// <summary>The simulated Mac's TCC: real SQLite databases under the root, approvals a person gave, the user database at first login.</summary>
public sealed class SimulatedTccTests : IDisposable
{
    private const string Accessibility = "kTCCServiceAccessibility";
    private const string AppleEvents = "kTCCServiceAppleEvents";
    private const string Agent = "/usr/local/bin/rig-agent";

    private readonly TempHostRoot _root = new();
    private readonly SimulatedMac _mac;
    private readonly SimulatedTcc _tcc;

    public SimulatedTccTests()
    {
        _mac = new SimulatedMac(_root.Paths);
        _tcc = NewTcc(TccDatabaseFile.DefaultTools);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_new_mac_has_an_empty_system_database_at_its_host_path()
    {
        // Act
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.NotGranted);
        File.Exists(_root.Paths.SystemTccDatabasePath).Should().BeTrue();
        (await TccDatabaseFile.QueryAsync(_root.Paths.SystemTccDatabasePath, "SELECT count(*) FROM access;", CancellationToken.None)).Trim().Should().Be("0");
    }

    [Fact]
    public async Task A_persons_approval_of_a_system_service_is_an_allowed_user_set_row_in_the_system_database()
    {
        // Act
        await _tcc.ApproveAsync(Accessibility, Agent, CancellationToken.None);
        var status = await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        status.Should().Be(TccGrantStatus.Granted);
        var row = await TccDatabaseFile.QueryAsync(_root.Paths.SystemTccDatabasePath,
            "SELECT service, client, client_type, auth_value, auth_reason FROM access;", CancellationToken.None);
        row.Should().Be($"{Accessibility}|{Agent}|1|2|3\n", "auth_reason 3 is User Set");
    }

    [Fact]
    public async Task A_user_service_waits_for_the_first_login_then_carries_the_approval()
    {
        // Arrange: the approval is recorded before anyone has logged in.
        await _tcc.ApproveAsync(AppleEvents, "com.rig.agent", CancellationToken.None);
        var beforeLogin = await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None);

        // Act
        await _tcc.CreateUserDatabaseAtFirstLoginAsync("rig", CancellationToken.None);
        var afterLogin = await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None);

        // Assert
        beforeLogin.Should().Be(TccGrantStatus.UserDatabaseMissing);
        afterLogin.Should().Be(TccGrantStatus.Granted);
        File.Exists(_root.Paths.UserTccDatabasePath("rig")).Should().BeTrue();
        File.Exists(_root.Paths.UserTccDatabasePath("rig") + ".creating").Should().BeFalse();
    }

    [Fact]
    public async Task An_approval_after_the_login_lands_in_every_existing_user_database()
    {
        // Arrange
        await _tcc.CreateUserDatabaseAtFirstLoginAsync("rig", CancellationToken.None);
        await _tcc.CreateUserDatabaseAtFirstLoginAsync("admin", CancellationToken.None);

        // Act
        await _tcc.ApproveAsync(AppleEvents, "com.rig.agent", CancellationToken.None);

        // Assert
        (await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None)).Should().Be(TccGrantStatus.Granted);
        (await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "admin", CancellationToken.None)).Should().Be(TccGrantStatus.Granted);
        (await _tcc.HasGrantAsync(Accessibility, "com.rig.agent", "rig", CancellationToken.None)).Should().Be(TccGrantStatus.NotGranted);
    }

    [Fact]
    public async Task A_later_login_keeps_the_users_database_as_it_is()
    {
        // Arrange: a person revokes the grant after the first login.
        await _tcc.ApproveAsync(AppleEvents, "com.rig.agent", CancellationToken.None);
        await _tcc.CreateUserDatabaseAtFirstLoginAsync("rig", CancellationToken.None);
        await TccDatabaseFile.RunAsync([_root.Paths.UserTccDatabasePath("rig"), "DELETE FROM access;"], CancellationToken.None);

        // Act
        await _tcc.CreateUserDatabaseAtFirstLoginAsync("rig", CancellationToken.None);

        // Assert
        (await _tcc.HasGrantAsync(AppleEvents, "com.rig.agent", "rig", CancellationToken.None)).Should().Be(TccGrantStatus.NotGranted);
    }

    [Fact]
    public async Task An_approval_outlives_a_restart_and_approving_twice_changes_nothing()
    {
        // Arrange
        await _tcc.ApproveAsync(AppleEvents, "/Applications/Bob's Agent.app", CancellationToken.None);
        await _tcc.ApproveAsync(AppleEvents, "/Applications/Bob's Agent.app", CancellationToken.None);

        // Act: a new process (the daemon after a reboot) sees the same simulated Mac.
        var restarted = NewTcc(TccDatabaseFile.DefaultTools);
        await restarted.CreateUserDatabaseAtFirstLoginAsync("rig", CancellationToken.None);

        // Assert
        (await restarted.HasGrantAsync(AppleEvents, "/Applications/Bob's Agent.app", "rig", CancellationToken.None)).Should().Be(TccGrantStatus.Granted);
        (await File.ReadAllLinesAsync(_tcc.ApprovalsPath)).Should().Equal($"{AppleEvents}\t/Applications/Bob's Agent.app");
        _tcc.ApprovalsPath.Should().StartWith(_mac.DirPath);
    }

    [Fact]
    public async Task Without_sqlite3_the_simulated_mac_says_what_to_install()
    {
        // Arrange
        var missing = Path.Join(_root.Paths.RootDirPath, "no-such-dir", "sqlite3");
        var tcc = NewTcc(new ToolTable(null, ImmutableDictionary<string, string>.Empty.Add(ToolNames.Sqlite3, missing)));

        // Act
        var act = () => tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<TccException>()).WithMessage($"*needs sqlite3, which is not at {missing}*apt-get install sqlite3*");
        _root.Files().Should().BeEmpty();
    }

    [Theory]
    [InlineData("kTCCServiceAccessibility\tx")]
    [InlineData("kTCCService\nAccessibility")]
    [InlineData("")]
    public async Task A_service_that_cannot_be_stored_is_refused(string service)
    {
        // Act
        var act = () => _tcc.ApproveAsync(service, Agent, CancellationToken.None);

        // Assert
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task The_simulated_access_table_is_the_fixture_schemas()
    {
        // Arrange
        await _tcc.HasGrantAsync(Accessibility, Agent, "rig", CancellationToken.None);
        var fixtureDbPath = Path.Join(_root.Paths.RootDirPath, "fixture", "TCC.db");
        await TccDatabaseFile.CreateAsync(fixtureDbPath, CancellationToken.None);
        const string Describe = "SELECT * FROM pragma_table_info('access'); SELECT * FROM pragma_index_list('access'); SELECT * FROM pragma_foreign_key_list('access');";

        // Act
        var simulated = await TccDatabaseFile.QueryAsync(_root.Paths.SystemTccDatabasePath, Describe, CancellationToken.None);
        var fixture = await TccDatabaseFile.QueryAsync(fixtureDbPath, Describe, CancellationToken.None);

        // Assert
        simulated.Should().Be(fixture).And.Contain("last_reminded");
    }

    private SimulatedTcc NewTcc(ToolTable tools) => new(_mac, new ProcessRunner(TimeProvider.System), tools);
}
