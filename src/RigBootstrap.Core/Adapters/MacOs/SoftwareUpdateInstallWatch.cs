using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Watches the output of `softwareupdate --install … --restart` line by line and stops the run when it will not end
/// in a restart: at once on a `Password:` prompt (Apple Silicon without credentials prompts a terminal nobody reads
/// and hangs: fixtures softwareupdate-install-applesilicon-password-prompt-ventura.txt, topgrade-rs/topgrade #546),
/// after <see cref="SilenceLimit"/> without a line while downloading, and <see cref="RestartWindow"/> after
/// `Downloaded:` (with --restart nothing more is printed before the host restarts: fixture
/// softwareupdate-install-applesilicon-stdinpass-rsr-13.3.1a-asu.log.txt).
/// </summary>
public sealed class SoftwareUpdateInstallWatch : IProcessOutputSink, IDisposable
{
    private readonly CancellationTokenSource _stop;

    public SoftwareUpdateInstallWatch(TimeSpan silenceLimit, TimeSpan restartWindow, TimeProvider time)
    {
        SilenceLimit = silenceLimit;
        RestartWindow = restartWindow;
        _stop = new CancellationTokenSource(silenceLimit, time);
    }

    public TimeSpan SilenceLimit { get; }

    public TimeSpan RestartWindow { get; }

    /// <summary>Canceled when the run is to be stopped.</summary>
    public CancellationToken Stop => _stop.Token;

    public bool SawPasswordPrompt { get; private set; }

    /// <summary>The update `Downloaded:` named, once the download is done; null before.</summary>
    public string? Downloaded { get; private set; }

    public void OnLine(OutputStreamKind stream, string line)
    {
        var text = line.Trim();
        if (text.StartsWith("Password:", StringComparison.Ordinal))
        {
            SawPasswordPrompt = true;
            _stop.Cancel();
            return;
        }

        if (text.StartsWith("Downloaded:", StringComparison.Ordinal))
        {
            Downloaded ??= text["Downloaded:".Length..].Trim();
            _stop.CancelAfter(RestartWindow);
            return;
        }

        if (Downloaded is null)
        {
            // Progress ("Downloading: 51.04%") keeps a long download alive; silence does not.
            _stop.CancelAfter(SilenceLimit);
        }
    }

    public void Dispose() => _stop.Dispose();
}
