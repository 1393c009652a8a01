using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The fake tools' model of a user's GUI session, which the Mac scenarios rely on: gui/&lt;uid&gt; exists only while
/// that user is logged in at the console (console.user), bootstrap into it otherwise fails with launchctl's own text,
/// and `security` sees the login keychain unlocked only through `launchctl asuser &lt;uid&gt; sudo -u &lt;user&gt;`.
/// </summary>
public sealed class FakeGuiSessionTests : IDisposable
{
    private const string Label = "ai.invotek.rig-deploy";
    private const string Keychain = "/Users/rig/Library/Keychains/login.keychain-db";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly TempHost _host = new();

    public FakeGuiSessionTests()
    {
        _host.WriteToolFile("id.users", "rig\t501\nops\t502\n");
        var keychain = Path.Join(_host.RootDirPath, "Users", "rig", "Library", "Keychains", "login.keychain-db");
        Directory.CreateDirectory(Path.GetDirectoryName(keychain)!);
        File.WriteAllText(keychain, "");
    }

    public void Dispose() => _host.Dispose();

    private string Tool(string name) => Path.Join(_host.ToolsDirPath, name);

    private async Task<CliResult> RunAsync(string tool, params string[] arguments)
    {
        using var child = ChildProcess.Start(Tool(tool), arguments, new Dictionary<string, string?>());
        return await child.WaitAsync(ToolTimeout);
    }

    private void LogIn(string user) => _host.WriteToolFile("console.user", user + "\n");

    [Fact]
    public async Task Bootstrap_into_a_gui_domain_with_nobody_logged_in_fails_with_launchctls_125_text()
    {
        var plist = $"/Users/rig/Library/LaunchAgents/{Label}.plist";

        var refused = await RunAsync("launchctl", "bootstrap", "gui/501", plist);
        LogIn("ops");
        var otherUser = await RunAsync("launchctl", "bootstrap", "gui/501", plist);

        var fixture = File.ReadAllText(Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "macos", "launchctl-bootstrap-gui-no-session.stderr.txt"));
        refused.ExitCode.Should().Be(125);
        refused.Stderr.Should().Be(fixture);
        otherUser.ExitCode.Should().Be(125, "gui/501 is rig's session, and ops is at the console");
        File.Exists(Tool("launchctl.bootstrap")).Should().BeFalse("nothing was loaded");
    }

    [Fact]
    public async Task Once_the_user_is_logged_in_a_job_bootstraps_prints_and_boots_out_in_its_gui_domain()
    {
        LogIn("rig");

        var load = await RunAsync("launchctl", "bootstrap", "gui/501", $"/Users/rig/Library/LaunchAgents/{Label}.plist");
        var print = await RunAsync("launchctl", "print", $"gui/501/{Label}");
        var system = await RunAsync("launchctl", "print", $"system/{Label}");
        var unload = await RunAsync("launchctl", "bootout", $"gui/501/{Label}");
        var gone = await RunAsync("launchctl", "print", $"gui/501/{Label}");

        load.ExitCode.Should().Be(0, load.Describe());
        print.ExitCode.Should().Be(0, print.Describe());
        print.Stdout.Should().Contain("\tdomain = gui/501 [100020]\n");
        system.ExitCode.Should().Be(113, "the job is in rig's session, not the system domain");
        unload.ExitCode.Should().Be(0, unload.Describe());
        gone.ExitCode.Should().Be(113);
        gone.Stderr.Should().Contain($"Could not find service \"{Label}\" in domain for user gui: 501");
    }

    [Fact]
    public async Task Security_sees_the_login_keychain_unlocked_only_through_asuser_and_sudo_in_the_logged_in_session()
    {
        string[] lookup = ["find-generic-password", "-s", "ai.invotek.rig-deploy", "-a", "rig", Keychain];
        string[] inSession = ["asuser", "501", Tool("sudo"), "-H", "-u", "rig", Tool("security"), .. lookup];

        var beforeLogin = await RunAsync("launchctl", inSession);
        LogIn("rig");
        var fromRoot = await RunAsync("security", lookup);
        var uidOnly = await RunAsync("sudo", ["-u", "rig", Tool("security"), .. lookup]);
        var session = await RunAsync("launchctl", inSession);

        beforeLogin.ExitCode.Should().Be(36, "the keychain file exists but nobody unlocked it: errSecInteractionNotAllowed");
        fromRoot.ExitCode.Should().Be(36, "a root daemon is outside the user's security session");
        uidOnly.ExitCode.Should().Be(36, "switching the uid alone does not join the session");
        session.ExitCode.Should().Be(44, "inside the session the keychain is open and simply lacks the item");
        session.Stderr.Should().Contain("could not be found in the keychain");
    }
}
