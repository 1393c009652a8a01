using RigBootstrap.Age;

namespace RigBootstrap.Core.Adapters;

/// <summary>The age operations rig-bootstrap needs: make the host key, read its recipient, unwrap a SOPS data key.</summary>
/// <remarks>Failures the caller can act on throw <see cref="AgeException"/> with an <see cref="AgeErrorKind"/>.</remarks>
public interface IAge
{
    /// <summary>Writes a new identity to <paramref name="keyPath"/> as `age-keygen -o` does (created exclusively, 0600) and returns its recipient.</summary>
    Task<string> GenerateKeyAsync(string keyPath, CancellationToken cancellationToken);

    /// <summary>The recipient (`age1…`) of the identity in <paramref name="keyPath"/> (`age-keygen -y`).</summary>
    Task<string> ReadRecipientAsync(string keyPath, CancellationToken cancellationToken);

    /// <summary>
    /// Decrypts an armoured age message with the identities of the identity file.
    /// The caller owns the returned bytes and should zero them when done.
    /// </summary>
    Task<byte[]> DecryptAsync(string armoredText, string identityPath, CancellationToken cancellationToken);
}
