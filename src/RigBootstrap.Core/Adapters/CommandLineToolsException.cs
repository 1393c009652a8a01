namespace RigBootstrap.Core.Adapters;

/// <summary>`xcode-select` or `softwareupdate` failed while finding or installing the Command Line Tools; the message names the fix.</summary>
public sealed class CommandLineToolsException(string message, bool retryable) : Exception(message)
{
    /// <summary>True when running again later may succeed without anyone changing anything (a catalog hiccup, the network).</summary>
    public bool Retryable { get; } = retryable;
}
