using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace RigBootstrap.Cli.Logging;

/// <summary>
/// What happens when the log file cannot be written (a full disk, an unwritable or missing log directory): the workflow
/// goes on, since losing a log line must never cost a step, and stderr says so once, naming the directory and the
/// cause. Events the file refused are copied to stderr when no console sink shows them already.
/// </summary>
internal sealed class LogFileTrouble(string logDirPath, TextWriter stderr, bool consoleShowsEvents) : ILoggingFailureListener
{
    private int _reported;

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception) =>
        Report(exception?.Message ?? message, events ?? []);

    public void Report(string cause, IReadOnlyCollection<LogEvent> lostEvents)
    {
        lock (stderr)
        {
            if (Interlocked.Exchange(ref _reported, 1) == 0)
            {
                stderr.WriteLine($"rig-bootstrap: cannot write the log under {logDirPath} ({cause}); going on, logging to stderr only. Free space or fix the directory's permissions; nothing else changes.");
            }

            if (!consoleShowsEvents)
            {
                foreach (var logEvent in lostEvents)
                {
                    stderr.WriteLine($"{logEvent.Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{logEvent.Level}] {logEvent.RenderMessage()}");
                }
            }
        }
    }
}
