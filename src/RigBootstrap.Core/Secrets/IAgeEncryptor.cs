namespace RigBootstrap.Core.Secrets;

/// <summary>Encrypts bytes to one age recipient as an armoured message: how a SOPS data key is wrapped.</summary>
public interface IAgeEncryptor
{
    /// <summary>
    /// Returns the armoured message (`-----BEGIN AGE ENCRYPTED FILE-----` … `-----END AGE ENCRYPTED FILE-----\n`).
    /// The plaintext never reaches argv, a log or an exception.
    /// </summary>
    Task<string> EncryptAsync(ReadOnlyMemory<byte> plaintext, string recipient, CancellationToken cancellationToken);
}
