using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>
/// The install is watched, not waited on for hours: a real process (a shell standing in for softwareupdate, printing
/// the real Apple Silicon output of the fixtures) is stopped at a password prompt, or when the restart that follows
/// `Downloaded:` does not come.
/// </summary>
public sealed class SoftwareUpdateInstallWatchTests : IDisposable
{
    private const string Label = "macOS Ventura 13.5.2-22G91";

    private readonly TempHostRoot _toolsDir = new();

    public void Dispose() => _toolsDir.Dispose();

    private SoftwareUpdateTool ToolPrinting(string output, string thenCommand, TimeSpan restartWindow)
    {
        var script = Path.Join(_toolsDir.Paths.RootDirPath, "softwareupdate");
        var printed = Path.Join(_toolsDir.Paths.RootDirPath, "output.txt");
        File.WriteAllText(printed, output);
        File.WriteAllText(script, $"#!/bin/sh\ncat '{printed}'\n{thenCommand}\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        return new SoftwareUpdateTool(new ProcessRunner(TimeProvider.System), new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty),
            TimeProvider.System, silenceLimit: TimeSpan.FromSeconds(20), restartWindow: restartWindow);
    }

    [Fact]
    public async Task A_password_prompt_stops_the_install_at_once_and_names_the_volume_owner_fix()
    {
        // The real Apple Silicon output without credentials; then the tool hangs, as topgrade's did.
        var tool = ToolPrinting(MacOsFixtures.ReadText("softwareupdate-install-applesilicon-password-prompt-ventura.txt"), "exec sleep 60", TimeSpan.FromSeconds(20));
        var started = DateTime.UtcNow;

        var act = () => tool.InstallAsync(Label, restart: true, volumeOwner: null, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which;
        thrown.Outcome.Should().Be(SoftwareUpdateInstallOutcome.PasswordPrompt);
        thrown.Message.Should().Contain("volumeOwner").And.Contain("mdm");
        thrown.Retryable.Should().BeFalse();
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(15), "the prompt is never answered: waiting would be forever");
    }

    [Fact]
    public async Task A_download_followed_by_no_restart_is_stopped_after_the_restart_window()
    {
        // super's asu.log (its own lines interleaved): with --restart only the download is printed before the Mac
        // restarts; here the restart never comes.
        var tool = ToolPrinting(MacOsFixtures.ReadText("softwareupdate-install-applesilicon-stdinpass-rsr-13.3.1a-asu.log.txt"), "exec sleep 60", TimeSpan.FromSeconds(1));

        var act = () => tool.InstallAsync(Label, restart: true, new AccountCredentials("admin", "pw"), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which;
        thrown.Outcome.Should().Be(SoftwareUpdateInstallOutcome.NoRestart);
        thrown.Message.Should().Contain("downloaded macOS Security Response 13.3.1 (a) but the host did not restart");
        thrown.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task A_wrong_password_is_reported_as_failed_authentication()
    {
        var tool = ToolPrinting(MacOsFixtures.ReadText("softwareupdate-install-applesilicon-download-failed-to-authenticate-sequoia.txt"), "exit 1", TimeSpan.FromSeconds(20));

        var act = () => tool.InstallAsync(Label, restart: true, new AccountCredentials("admin", "wrong"), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which;
        thrown.Outcome.Should().Be(SoftwareUpdateInstallOutcome.AuthenticationFailed);
        thrown.Message.Should().Contain("diskutil apfs listUsers /");
    }
}
