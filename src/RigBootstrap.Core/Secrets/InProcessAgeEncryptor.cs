using RigBootstrap.Age;

namespace RigBootstrap.Core.Secrets;

/// <summary><see cref="IAgeEncryptor"/> in process: what `age -e -a -r RECIPIENT` writes, without running age.</summary>
public sealed class InProcessAgeEncryptor : IAgeEncryptor
{
    /// <summary>Throws <see cref="AgeException"/> (RecipientInvalid) naming a recipient that is not `age1…`.</summary>
    public Task<string> EncryptAsync(ReadOnlyMemory<byte> plaintext, string recipient, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AgeEncryptor.EncryptArmored(plaintext.Span, [X25519Recipient.Parse(recipient)]));
    }
}
