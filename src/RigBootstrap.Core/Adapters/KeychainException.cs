
namespace RigBootstrap.Core.Adapters;

/// <summary>A keychain call failed; the message names the item, the keychain and the fix, never the value.</summary>
public sealed class KeychainException(SecurityErrorKind kind, string message) : Exception(message)
{
    /// <summary>What the `security` exit code meant; <see cref="SecurityErrorKind.Other"/> for anything unclassified.</summary>
    public SecurityErrorKind Kind { get; } = kind;
}
