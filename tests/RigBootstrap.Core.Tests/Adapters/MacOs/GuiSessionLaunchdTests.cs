using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>launchd in the agent user's GUI session over a fake runner: the uid from `id -u`, then gui/&lt;uid&gt; targets, real outputs.</summary>
public sealed class GuiSessionLaunchdTests : IDisposable
{
    private const string Label = "ai.invotek.rig-deploy";

    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly GuiSessionLaunchd _launchd;

    public GuiSessionLaunchdTests()
    {
        var tools = new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty);
        _launchd = new GuiSessionLaunchd(tools, _runner, TimeProvider.System, new UserIds(_runner, tools), "rig");
    }

    public void Dispose() => _toolsDir.Dispose();

    [Fact]
    public async Task Print_asks_gui_uid_label_and_reads_a_periodic_agent_that_exited_0()
    {
        _runner.Then(0, stdout: "501\n").Then(0, stdout: MacOsFixtures.ReadText("launchctl-print-gui-agent-interval-exited-0.txt"));

        var status = await _launchd.GetStatusAsync(Label, CancellationToken.None);

        _runner.Specs[0].Arguments.Should().Equal("-u", "rig");
        _runner.Specs[1].FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "launchctl"));
        _runner.Specs[1].Arguments.Should().Equal("print", $"gui/501/{Label}");
        status!.Runs.Should().Be(18);
        status.LastExitCode.Should().Be(0);
        status.IsRunning.Should().BeFalse();
        status.HasExitedCleanSinceLoad.Should().BeTrue();
    }

    [Theory]
    [InlineData("launchctl-print-gui-agent-running-keepalive.txt", true)]
    [InlineData("launchctl-print-gui-agent-never-run-calendar.txt", false)]
    [InlineData("launchctl-print-gui-agent-exited-1-watchpaths.txt", false)]
    public async Task An_agent_that_is_running_never_ran_or_exited_non_zero_has_no_clean_run(string fixture, bool running)
    {
        _runner.Then(0, stdout: "501\n").Then(0, stdout: MacOsFixtures.ReadText(fixture));

        var status = await _launchd.GetStatusAsync(Label, CancellationToken.None);

        status!.IsRunning.Should().Be(running);
        status.HasExitedCleanSinceLoad.Should().BeFalse();
    }

    [Theory]
    [InlineData("launchctl-print-gui-not-found.stderr.txt")]
    [InlineData("launchctl-not-found-gui-domain.stderr.txt")]
    public async Task Exit_113_with_the_gui_domains_not_found_text_is_not_loaded(string fixture)
    {
        _runner.Then(0, stdout: "501\n").Then(113, stderr: MacOsFixtures.ReadText(fixture));

        (await _launchd.GetStatusAsync(Label, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Enable_and_bootstrap_target_the_users_gui_domain()
    {
        _runner.Then(0, stdout: "501\n").Then(0).Then(0, stdout: "501\n").Then(0);

        await _launchd.EnableAsync(Label, CancellationToken.None);
        await _launchd.LoadAsync(Label, "/Users/rig/Library/LaunchAgents/ai.invotek.rig-deploy.plist", CancellationToken.None);

        _runner.Specs[1].Arguments.Should().Equal("enable", $"gui/501/{Label}");
        _runner.Specs[3].Arguments.Should().Equal("bootstrap", "gui/501", "/Users/rig/Library/LaunchAgents/ai.invotek.rig-deploy.plist");
    }

    [Fact]
    public async Task An_agent_user_the_Mac_lacks_fails_naming_agent_user()
    {
        _runner.Then(1, stderr: "id: rig: no such user\n");

        var act = () => _launchd.GetStatusAsync(Label, CancellationToken.None);

        (await act.Should().ThrowAsync<RigBootstrap.Core.Adapters.ServiceManagerException>()).Which.Message.Should().Contain("agent.user");
    }
}
