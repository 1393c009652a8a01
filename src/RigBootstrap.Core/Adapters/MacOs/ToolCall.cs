using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// One call of a tool from the tool table whose exit code the adapter judges itself; a call that runs past its
/// timeout is stopped and reported through the adapter's own exception, naming the command.
/// </summary>
public static class ToolCall
{
    public static CommandSpec Spec(ToolTable tools, string tool, ImmutableArray<string> arguments, TimeSpan timeout) => new()
    {
        FileName = tools.PathOf(tool),
        Arguments = arguments,
        Timeout = timeout,
        AllowedExitCodes = [],
    };

    public static async Task<ProcessResult> RunAsync(IProcessRunner runner, CommandSpec spec, Func<string, Exception> timedOut, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(spec, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result.TimedOut
            ? throw timedOut($"{Path.GetFileName(spec.FileName)} {spec.Arguments.FirstOrDefault()} did not finish within {spec.Timeout} and was stopped; run it by hand to see where it hangs")
            : result;
    }
}
