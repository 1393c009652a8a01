using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace RigBootstrap.Cli.Logging;

/// <summary>
/// The Serilog logger factory, except that disposing it never throws: Serilog.Sinks.File flushes its buffer when it is
/// disposed, and on a full disk that flush throws IOException (measured with Serilog 4.4 and Sinks.File 7.0, the file
/// pointed at /dev/full), which would fail a run that had done its work.
/// </summary>
internal sealed class TolerantLoggerFactory(Serilog.Core.Logger logger, LogFileTrouble? trouble) : ILoggerFactory
{
    private readonly SerilogLoggerFactory _inner = new(logger, dispose: false);

    /// <summary>The Serilog logger behind this factory, for Serilog.Extensions.Hosting; this factory still owns and disposes it.</summary>
    public Serilog.ILogger Serilog => logger;

    public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose()
    {
        _inner.Dispose();
        try
        {
            logger.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            trouble?.Report(ex.Message, []);
        }
    }
}
