using Microsoft.Extensions.Logging;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Steps;

/// <summary>Streams a tool's output lines (already masked by the runner) into the log, tagged with the step.</summary>
public sealed class LoggerOutputSink(ILogger logger, string stepId) : IProcessOutputSink
{
    public void OnLine(OutputStreamKind stream, string line) =>
        logger.LogDebug("[{StepId} {Stream}] {Line}", stepId, stream, line);
}
