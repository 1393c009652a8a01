using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Host;
using Serilog;
using Serilog.Events;

namespace RigBootstrap.Cli.Logging;

/// <summary>
/// Serilog, wired once per verb and consumed as ILogger (docs/style.md 12): a rolling file under the host's log
/// directory for verbs that change the host, the console for interactive ones. Read-only verbs write no file. A log
/// file that cannot be written never stops the verb (<see cref="LogFileTrouble"/>).
/// </summary>
public static class LoggingSetup
{
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static ILoggerFactory Create(HostPaths paths, bool toFile, bool toConsole, LogEventLevel consoleLevel = LogEventLevel.Information) =>
        Create(paths, toFile, toConsole, consoleLevel, Console.Error);

    /// <summary>The daemon's logging: file and console, as a factory whose Serilog logger the Generic Host is given.</summary>
    internal static TolerantLoggerFactory CreateForDaemon(HostPaths paths) =>
        Create(paths, toFile: true, toConsole: true, LogEventLevel.Information, Console.Error);

    internal static TolerantLoggerFactory Create(HostPaths paths, bool toFile, bool toConsole, LogEventLevel consoleLevel, TextWriter stderr)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Debug();
        LogFileTrouble? trouble = null;
        if (toFile)
        {
            trouble = new LogFileTrouble(paths.LogDirPath, stderr, consoleShowsEvents: toConsole);
            if (TryCreateDirectory(paths.LogDirPath) is { } cause)
            {
                trouble.Report(cause, []);
            }
            else
            {
                // Fallible hands every event the file sink throws on to the listener instead of dropping it silently.
                configuration = configuration.WriteTo.Fallible(
                    sink => sink.File(Path.Join(paths.LogDirPath, "rig-bootstrap-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                        outputTemplate: FileTemplate),
                    trouble);
            }
        }

        if (toConsole)
        {
            configuration = configuration.WriteTo.Console(
                restrictedToMinimumLevel: consoleLevel,
                outputTemplate: "{Timestamp:HH:mm:ss} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Warning);
        }

        return new TolerantLoggerFactory(configuration.CreateLogger(), trouble);
    }

    /// <summary>Creates the log directory; the cause when it cannot (a file in its place, no permission, no space).</summary>
    private static string? TryCreateDirectory(string dirPath)
    {
        try
        {
            Directory.CreateDirectory(dirPath);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
