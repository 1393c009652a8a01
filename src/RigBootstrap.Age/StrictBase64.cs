namespace RigBootstrap.Age;

/// <summary>
/// The base64 age accepts: the standard alphabet only, canonical (unused trailing bits zero), unpadded in the header
/// and padded in the armor. The BCL decoder skips whitespace and ignores non-zero trailing bits, so both are checked here.
/// </summary>
internal static class StrictBase64
{
    /// <summary>Decodes unpadded base64 (the header's encoding); null when it is not strictly canonical.</summary>
    public static byte[]? DecodeUnpadded(string text)
    {
        if (text.Length % 4 == 1 || !IsAlphabet(text))
        {
            return null;
        }

        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var bytes = Convert.FromBase64String(padded);
        return EncodeUnpadded(bytes) == text ? bytes : null;
    }

    /// <summary>Decodes padded base64 (the armor's encoding); null when it is not strictly canonical.</summary>
    public static byte[]? DecodePadded(string text)
    {
        if (text.Length % 4 != 0)
        {
            return null;
        }

        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        if (!IsAlphabet(text.AsSpan(0, text.Length - padding)))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(text);
        return Convert.ToBase64String(bytes) == text ? bytes : null;
    }

    public static string EncodeUnpadded(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool IsAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
