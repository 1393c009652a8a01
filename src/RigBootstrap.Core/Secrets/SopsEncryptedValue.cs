using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Secrets;

/// <summary>One `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` value, decoded from base64.</summary>
public sealed partial record SopsEncryptedValue
{
    public required byte[] Data { get; init; }

    public required byte[] Iv { get; init; }

    public required byte[] Tag { get; init; }

    /// <summary>str, int, int64, float, bool, bytes or comment.</summary>
    public required string Type { get; init; }

    /// <summary>True when the text has the `ENC[AES256_GCM,…]` shape, whatever its content.</summary>
    public static bool LooksEncrypted(string text) => text.StartsWith("ENC[", StringComparison.Ordinal);

    /// <summary>Decodes the value; null when it does not have the SOPS shape or its base64 or tag length is bad.</summary>
    public static SopsEncryptedValue? TryParse(string text)
    {
        var match = Shape().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var data = FromBase64(match.Groups["data"].Value);
        var iv = FromBase64(match.Groups["iv"].Value);
        var tag = FromBase64(match.Groups["tag"].Value);
        return data is null || iv is null || iv.Length == 0 || tag is not { Length: AesGcmWideIv.TagSize }
            ? null
            : new SopsEncryptedValue { Data = data, Iv = iv, Tag = tag, Type = match.Groups["type"].Value };
    }

    // Ciphertext is not secret, but a record would print the arrays' type names only: say what it is instead.
    public override string ToString() => $"ENC[AES256_GCM, {Data.Length} bytes, type {Type}]";

    private static byte[]? FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^ENC\[AES256_GCM,data:(?<data>[A-Za-z0-9+/=]*),iv:(?<iv>[A-Za-z0-9+/=]+),tag:(?<tag>[A-Za-z0-9+/=]+),type:(?<type>[a-z0-9]+)\]\z")]
    private static partial Regex Shape();
}
