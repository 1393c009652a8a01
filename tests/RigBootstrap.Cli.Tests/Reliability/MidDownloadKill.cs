using RigBootstrap.Cli.Tests.TestKit;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The boot harness's operator for a download killed mid-way: once the mirror holds the body at its pause point
/// (a condition, never a guessed sleep), SIGKILL the daemon alone, note what it left on disk, and let the mirror go on
/// at full speed; launchd's KeepAlive restarts the daemon on the next ticks.
/// </summary>
public sealed class MidDownloadKill(TempHost host, BootHarness harness, RangeServer mirror)
{
    /// <summary>The bytes of the partial file the killed run left, null until the kill.</summary>
    public long? PartialBytesAtKill { get; private set; }

    public async Task<bool> ActAsync()
    {
        if (PartialBytesAtKill is null && mirror.IsPaused)
        {
            (await harness.KillDaemonAsync()).Should().BeTrue("the daemon downloads while the mirror holds the body");
            PartialBytesAtKill = XipMac.PartialBytes(host);
            mirror.BytesPerSecond = 0;
            mirror.Resume();
        }

        return false; // no reboot: only the daemon died
    }
}
