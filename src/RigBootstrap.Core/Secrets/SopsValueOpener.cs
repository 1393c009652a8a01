using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Turns one leaf into its value: decrypts `ENC[…]` with the path as additional data and converts it by its
/// `type` as SOPS does (`int` via Atoi, `float` via ParseFloat, `bool` via ParseBool, MAC text `True`/`False`).
/// </summary>
internal static class SopsValueOpener
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SopsOpenedValue Plain(SopsLeaf leaf) => leaf.Kind == SopsScalarKind.Boolean
        ? new SopsOpenedValue(Encoding.ASCII.GetBytes(leaf.Text == "true" ? "True" : "False"), leaf.Text)
        : new SopsOpenedValue(Encoding.UTF8.GetBytes(leaf.Text), leaf.Text);

    public static SopsOpenedValue Open(string filePath, SopsLeaf leaf, ReadOnlySpan<byte> dataKey)
    {
        var where = leaf.AdditionalData;
        // SOPS writes an empty string as is, never encrypted.
        if (leaf.Kind == SopsScalarKind.String && leaf.Text.Length == 0)
        {
            return new SopsOpenedValue([], "");
        }

        if (leaf.Kind != SopsScalarKind.String || !SopsEncryptedValue.LooksEncrypted(leaf.Text))
        {
            throw new SopsException(SopsErrorKind.Tampered, filePath,
                $"the value at '{where}' should be encrypted but is plain text; restore the file from its source");
        }

        var encrypted = SopsEncryptedValue.TryParse(leaf.Text)
            ?? throw new SopsException(SopsErrorKind.Tampered, filePath,
                $"the encrypted value at '{where}' is damaged (bad base64, IV or tag); restore the file from its source");
        byte[] plain;
        try
        {
            plain = AesGcmWideIv.Decrypt(dataKey, encrypted.Iv, encrypted.Data, encrypted.Tag, Encoding.UTF8.GetBytes(where));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SopsException(SopsErrorKind.Tampered, filePath,
                $"the value at '{where}' does not authenticate: its data, IV or tag changed, or it was moved from another key");
        }

        try
        {
            return Convert(filePath, where, encrypted.Type, plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static SopsOpenedValue Convert(string filePath, string where, string type, byte[] plain)
    {
        switch (type)
        {
            case "str" or "bytes":
                return new SopsOpenedValue([.. plain], Text(filePath, where, plain));
            case "int" or "int64":
                var integer = long.TryParse(Text(filePath, where, plain), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : throw Malformed(filePath, where, type);
                return new SopsOpenedValue(Encoding.ASCII.GetBytes(integer), integer);
            case "float":
                var real = GoFloatText.TryParse(Text(filePath, where, plain), out var parsed)
                    ? GoFloatText.Format(parsed)
                    : throw Malformed(filePath, where, type);
                return new SopsOpenedValue(Encoding.ASCII.GetBytes(real), real);
            case "bool":
                var flag = Text(filePath, where, plain) switch
                {
                    "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
                    "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
                    _ => throw Malformed(filePath, where, type),
                };
                return new SopsOpenedValue(Encoding.ASCII.GetBytes(flag ? "True" : "False"), flag ? "true" : "false");
            default:
                throw new SopsException(SopsErrorKind.Malformed, filePath,
                    $"the value at '{where}' has the type '{type}', which a value cannot have (str, int, float, bool or bytes)");
        }
    }

    private static string Text(string filePath, string where, byte[] plain)
    {
        try
        {
            return StrictUtf8.GetString(plain);
        }
        catch (DecoderFallbackException)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath,
                $"the value at '{where}' is binary, not UTF-8 text, and cannot be written to an env file");
        }
    }

    private static SopsException Malformed(string filePath, string where, string type) =>
        new(SopsErrorKind.Malformed, filePath, $"the value at '{where}' is not a valid {type}");
}
