namespace RigBootstrap.Age.Tests.TestKit;

/// <summary>Builds and dissects binary age messages for tests that change single bytes.</summary>
public static class Messages
{
    public static byte[] Encrypt(byte[] plaintext, params X25519Recipient[] recipients)
    {
        using var output = new MemoryStream();
        AgeEncryptor.Encrypt(new MemoryStream(plaintext), recipients, output, armor: false);
        return output.ToArray();
    }

    /// <summary>Where the payload starts: after the header's MAC line and the 16-byte nonce.</summary>
    public static int PayloadOffset(byte[] message)
    {
        var mac = message.AsSpan().IndexOf("\n--- "u8);
        return mac + 1 + message.AsSpan(mac + 1).IndexOf((byte)'\n') + 1 + 16;
    }

    public static (byte[] Plaintext, AgeException? Error) TryDecrypt(byte[] message, params X25519Identity[] identities)
    {
        using var output = new MemoryStream();
        try
        {
            AgeDecryptor.Decrypt(new MemoryStream(message), identities, output);
            return (output.ToArray(), null);
        }
        catch (AgeException ex)
        {
            return (output.ToArray(), ex);
        }
    }

    public static byte[] Pattern(int size) => Enumerable.Range(0, size).Select(i => (byte)(i * 131 + (i >> 8))).ToArray();
}
