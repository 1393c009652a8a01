namespace RigBootstrap.Core.Adapters;

/// <summary>A loginwindow, fdesetup or console query failed; the message names the tool and the fix, never a password.</summary>
public sealed class LoginWindowException(string message) : Exception(message);
