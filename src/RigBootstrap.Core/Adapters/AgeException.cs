namespace RigBootstrap.Core.Adapters;

/// <summary>An age or age-keygen run failed; the message names the file and the fix, never key material.</summary>
public sealed class AgeException(AgeErrorKind kind, string message) : Exception(message)
{
    public AgeErrorKind Kind { get; } = kind;
}
