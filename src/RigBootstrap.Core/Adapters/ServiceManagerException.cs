namespace RigBootstrap.Core.Adapters;

/// <summary>A launchctl operation failed; the message names the label and the fix.</summary>
public sealed class ServiceManagerException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
