namespace RigBootstrap.Core.Adapters;

/// <summary>An Xcode tool failed; the message names the command, what it said and the fix, never a password.</summary>
public sealed class XcodeException(string message) : Exception(message);
