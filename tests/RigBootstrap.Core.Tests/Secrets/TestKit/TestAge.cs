using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>The product's in-process age, and a helper that wraps bytes for a recipient as SOPS stores them.</summary>
public static class TestAge
{
    public static IAge Create() => new InProcessAge(TimeProvider.System);

    /// <summary>Encrypts bytes to a recipient as armoured text (what SOPS stores in `enc`).</summary>
    public static Task<string> EncryptArmoredAsync(byte[] plaintext, string recipient) =>
        Task.FromResult(AgeEncryptor.EncryptArmored(plaintext, [X25519Recipient.Parse(recipient)]));
}
