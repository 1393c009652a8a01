using System.Text;

namespace RigBootstrap.Age;

/// <summary>
/// Bech32 (BIP-173) as age uses it for `age1…` recipients and `AGE-SECRET-KEY-1…` identities: the original checksum
/// constant, no 90-character limit, all lower or all upper case.
/// Source: https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki and age's spec (age-encryption.org/v1).
/// </summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>Encodes <paramref name="data"/> under the human-readable part <paramref name="hrp"/>, in lower case.</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        hrp = hrp.ToLowerInvariant();
        var values = ConvertBits(data, 8, 5, pad: true) ?? throw new ArgumentException("cannot convert data to 5-bit groups", nameof(data));
        var checksum = Checksum(hrp, values);
        var text = new StringBuilder(hrp.Length + 1 + values.Length + checksum.Length).Append(hrp).Append('1');
        foreach (var v in values.Concat(checksum))
        {
            text.Append(Charset[v]);
        }

        return text.ToString();
    }

    /// <summary>Decodes a Bech32 string into its lower-case human-readable part and data; throws <see cref="FormatException"/> naming the fault.</summary>
    public static (string Hrp, byte[] Data) Decode(string text)
    {
        if (text.Any(c => c < 33 || c > 126))
        {
            throw new FormatException("it holds a character outside printable ASCII");
        }

        if (text.Any(char.IsLower) && text.Any(char.IsUpper))
        {
            throw new FormatException("it mixes upper and lower case");
        }

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.Length)
        {
            throw new FormatException("it has no human-readable part, no separator '1' or fewer than 6 checksum characters");
        }

        var hrp = lower[..separator];
        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Charset.IndexOf(lower[separator + 1 + i]);
            values[i] = index >= 0 ? (byte)index : throw new FormatException($"'{lower[separator + 1 + i]}' is not a Bech32 character");
        }

        if (Polymod(Expand(hrp).Concat(values)) != 1)
        {
            throw new FormatException("its checksum does not match (a character was changed or lost)");
        }

        var data = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false)
            ?? throw new FormatException("its data has invalid padding");
        return (hrp, data);
    }

    private static byte[] Checksum(string hrp, byte[] values)
    {
        var polymod = Polymod(Expand(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        var checksum = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            checksum[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }

        return checksum;
    }

    private static IEnumerable<byte> Expand(string hrp) =>
        hrp.Select(c => (byte)(c >> 5)).Append((byte)0).Concat(hrp.Select(c => (byte)(c & 31)));

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
            {
                chk ^= ((top >> i) & 1) != 0 ? Generator[i] : 0;
            }
        }

        return chk;
    }

    // Regroups bits; without padding, leftover bits must be fewer than `from` and all zero (BIP-173).
    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var result = new List<byte>(data.Length * from / to + 1);
        var maxValue = (1 << to) - 1;
        foreach (var value in data)
        {
            if (value >> from != 0)
            {
                return null;
            }

            acc = (acc << from) | value;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (to - bits)) & maxValue));
            }
        }
        else if (bits >= from || ((acc << (to - bits)) & maxValue) != 0)
        {
            return null;
        }

        return [.. result];
    }
}
