namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>Changes one byte inside one field of one `ENC[…]` value of a SOPS file's text, keeping the base64 valid.</summary>
public static class Tamper
{
    /// <summary>Flips the low bit of the first byte of <paramref name="field"/> (data, iv or tag) in the ENC value that starts after <paramref name="anchor"/>.</summary>
    public static string FlipByte(string text, string anchor, string field)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"'{anchor}' is not in the text.", nameof(anchor));
        }

        var encStart = text.IndexOf("ENC[", at, StringComparison.Ordinal);
        var start = text.IndexOf(field + ":", encStart, StringComparison.Ordinal) + field.Length + 1;
        var end = text.IndexOf(',', start);
        var bytes = Convert.FromBase64String(text[start..end]);
        bytes[0] ^= 0x01;
        return text[..start] + Convert.ToBase64String(bytes) + text[end..];
    }
}
