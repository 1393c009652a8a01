using RigBootstrap.Processes;

namespace RigBootstrap.Core.Doctor;

/// <summary>Runs one read-only tool for a doctor check: any exit code is an answer, and a tool that cannot start is reported, not thrown.</summary>
public static class ToolOutput
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The result, or null with the reason when the tool could not be started.</summary>
    public static async Task<(ProcessResult? Result, string? CannotRun)> RunAsync(
        IProcessRunner runner, string toolPath, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(
                new CommandSpec { FileName = toolPath, Arguments = [.. arguments], Timeout = CallTimeout, AllowedExitCodes = [] },
                cancellationToken);
            return result.TimedOut ? (null, $"{toolPath} did not answer within {CallTimeout.TotalSeconds:0} s") : (result, null);
        }
        catch (ProcessStartException ex)
        {
            return (null, ex.Message);
        }
    }
}
