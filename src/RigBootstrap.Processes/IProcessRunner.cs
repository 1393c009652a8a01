namespace RigBootstrap.Processes;

/// <summary>Runs one external command to completion.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Starts the command and returns once it has exited. Timeout and cancellation return a result
    /// (<see cref="ProcessResult.TimedOut"/>, <see cref="ProcessResult.Canceled"/>); an exit code
    /// outside <see cref="CommandSpec.AllowedExitCodes"/> throws <see cref="ProcessFailedException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken);
}
