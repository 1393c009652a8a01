namespace RigBootstrap.Processes;

/// <summary>A stopped process was still alive after its whole tree was killed and a bounded wait.</summary>
public sealed class ProcessTerminationException : Exception
{
    internal ProcessTerminationException(int pid, string commandLine, TimeSpan waited, Exception? innerException)
        : base(
            $"Process {pid} was still running {waited.TotalSeconds:0.#} s after SIGKILL to its process tree: {commandLine}. "
                + $"It is probably stuck in the kernel (uninterruptible I/O); inspect it with `ps -o pid,stat,wchan,command -p {pid}`.",
            innerException)
    {
        Pid = pid;
        CommandLine = commandLine;
    }

    public int Pid { get; }

    /// <summary>The masked display string of the command.</summary>
    public string CommandLine { get; }
}
