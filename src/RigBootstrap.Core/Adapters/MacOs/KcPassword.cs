using System.Text;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Encodes and decodes <c>/etc/kcpassword</c>, the obfuscated autologin password.</summary>
/// <remarks>
/// Not encryption: each byte is XORed with a fixed 11-byte key, cycled (byte i uses key byte i % 11). Write the
/// bytes to the file directly, never through a shell string: <c>$( … )</c> drops 0x0A bytes.
/// </remarks>
public static class KcPassword
{
    private const int BlockSize = 12;

    private static ReadOnlySpan<byte> Key => [0x7D, 0x89, 0x52, 0x23, 0xD2, 0xBC, 0xDD, 0xEA, 0xA3, 0xB9, 0x1F];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The current rule (brunerd's kcpasswordEncode, 2022-06-10): the UTF-8 password, a NUL, then zeros up to a
    /// multiple of 12 bytes. A password whose length is already a multiple of 12 gets 12 more bytes, so at least
    /// one NUL always follows it.
    /// </summary>
    /// <exception cref="ArgumentException">The password contains a NUL, which would end it early when read back.</exception>
    public static byte[] Encode(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The autologin password contains a NUL character, which /etc/kcpassword cannot hold; choose another password.", nameof(password));
        }

        byte[] plain;
        try
        {
            plain = StrictUtf8.GetBytes(password);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The autologin password is not valid Unicode (it holds a lone surrogate); choose another password.", nameof(password), ex);
        }

        // Length + 1 for the NUL, rounded up to the next multiple of 12; the rest of the buffer stays zero.
        var encoded = new byte[(plain.Length / BlockSize + 1) * BlockSize];
        plain.CopyTo(encoded, 0);
        Obfuscate(encoded);
        return encoded;
    }

    /// <summary>
    /// XORs with the key and stops at the first NUL: macOS fills the rest with non-zero bytes. Files from older
    /// writers (padded to 11 bytes, or not padded at all when the length was a multiple of 11) decode too.
    /// </summary>
    /// <exception cref="FormatException">The file is empty, or the password is not UTF-8.</exception>
    public static string Decode(byte[] fileBytes)
    {
        ArgumentNullException.ThrowIfNull(fileBytes);
        if (fileBytes.Length == 0)
        {
            throw new ToolOutputException("/etc/kcpassword is empty; set the autologin password again (`sysadminctl -autologin set`).");
        }

        var plain = (byte[])fileBytes.Clone();
        Obfuscate(plain);
        var end = Array.IndexOf(plain, (byte)0);
        try
        {
            return StrictUtf8.GetString(plain, 0, end < 0 ? plain.Length : end);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ToolOutputException("/etc/kcpassword does not decode to a UTF-8 password; it was written by another tool or is damaged. Set the autologin password again.", ex);
        }
    }

    // XOR is its own inverse: the same pass encodes and decodes.
    private static void Obfuscate(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= Key[i % Key.Length];
        }
    }
}
