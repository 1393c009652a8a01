namespace RigBootstrap.Processes;

/// <summary>Which of the child's output streams a line came from.</summary>
public enum OutputStreamKind
{
    Stdout,
    Stderr,
}
