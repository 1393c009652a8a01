namespace RigBootstrap.Age;

/// <summary>An age operation was refused; the message names what is wrong and where, never key material or plaintext.</summary>
public sealed class AgeException(AgeErrorKind kind, string message) : Exception(message)
{
    public AgeErrorKind Kind { get; } = kind;
}
