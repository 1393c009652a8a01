using System.Text;

namespace RigBootstrap.Age;

/// <summary>Writes an age header for a file key: the version line, one stanza per recipient, and the MAC line.</summary>
internal static class HeaderWriter
{
    private const int ColumnsPerLine = 64;

    public static byte[] Write(IReadOnlyList<AgeStanza> stanzas, ReadOnlySpan<byte> fileKey)
    {
        var text = new StringBuilder().Append(AgeKdf.VersionLine).Append('\n');
        foreach (var stanza in stanzas)
        {
            text.Append("-> ").AppendJoin(' ', [stanza.Type, .. stanza.Arguments]).Append('\n');
            var body = StrictBase64.EncodeUnpadded(stanza.Body.AsSpan());
            // Full lines, then always a final short line, which is empty when the body fills its last line.
            for (var start = 0; ; start += ColumnsPerLine)
            {
                var length = Math.Min(ColumnsPerLine, body.Length - start);
                text.Append(body, start, length).Append('\n');
                if (length < ColumnsPerLine)
                {
                    break;
                }
            }
        }

        text.Append("---");
        var maced = Encoding.ASCII.GetBytes(text.ToString());
        var mac = AgeKdf.HeaderMac(fileKey, maced);
        return [.. maced, .. Encoding.ASCII.GetBytes($" {StrictBase64.EncodeUnpadded(mac)}\n")];
    }
}
