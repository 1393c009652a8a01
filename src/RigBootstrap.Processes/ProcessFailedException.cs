using System.Collections.Immutable;

namespace RigBootstrap.Processes;

/// <summary>A command exited normally with an exit code outside its allowed set.</summary>
public sealed class ProcessFailedException : Exception
{
    // Enough stderr to see the error without flooding a log line; the full tail stays in StderrTail.
    private const int MessageStderrChars = 4096;

    internal ProcessFailedException(CommandSpec maskedCommand, ProcessResult result, ImmutableArray<int> allowedExitCodes)
        : base(BuildMessage(maskedCommand, result, allowedExitCodes))
    {
        Command = maskedCommand;
        Result = result;
    }

    /// <summary>The command with every secret masked (no stdin, sink or secret list).</summary>
    public CommandSpec Command { get; }

    /// <summary>The full result, with masked output tails.</summary>
    public ProcessResult Result { get; }

    public int ExitCode => Result.ExitCode;

    /// <summary>The end of stderr, masked.</summary>
    public string StderrTail => Result.StderrTail;

    private static string BuildMessage(CommandSpec command, ProcessResult result, ImmutableArray<int> allowed)
    {
        var header = $"Command exited with code {result.ExitCode} (allowed: {string.Join(", ", allowed)}): "
            + command.ToDisplayString();
        var stderr = result.StderrTail.TrimEnd();
        if (stderr.Length == 0)
        {
            return header + System.Environment.NewLine + "It wrote nothing to stderr; check its stdout or its own logs.";
        }

        var excerpt = stderr.Length > MessageStderrChars ? "…" + stderr[^MessageStderrChars..] : stderr;
        return header + System.Environment.NewLine + "stderr (end):" + System.Environment.NewLine + excerpt;
    }
}
