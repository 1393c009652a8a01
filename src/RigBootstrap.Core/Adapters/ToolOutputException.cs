namespace RigBootstrap.Core.Adapters;

/// <summary>
/// A tool (or a file the system keeps, such as /proc's boot id) said something we cannot read: the tool misbehaves,
/// so it is unavailable to us (exit 69, docs/exit-codes.md), not a bug of ours. A FormatException, so the steps that
/// catch a parse failure still do.
/// </summary>
public sealed class ToolOutputException : FormatException
{
    public ToolOutputException(string message)
        : base(message)
    {
    }

    public ToolOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
