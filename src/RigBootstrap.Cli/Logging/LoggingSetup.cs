using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Host;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace RigBootstrap.Cli.Logging;

/// <summary>
/// Serilog, wired once per verb and consumed as ILogger (STYLE 12): a rolling file under the host's log directory
/// for verbs that change the host, the console for interactive ones. Read-only verbs write no file.
/// </summary>
public static class LoggingSetup
{
    public static ILoggerFactory Create(HostPaths paths, bool toFile, bool toConsole, LogEventLevel consoleLevel = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Debug();
        if (toFile)
        {
            Directory.CreateDirectory(paths.LogDirPath);
            configuration = configuration.WriteTo.File(
                Path.Join(paths.LogDirPath, "rig-bootstrap-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}");
        }

        if (toConsole)
        {
            configuration = configuration.WriteTo.Console(
                restrictedToMinimumLevel: consoleLevel,
                outputTemplate: "{Timestamp:HH:mm:ss} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Warning);
        }

        return new SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }
}
