using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.Age;

/// <summary>
/// Parses an age header from a stream, consuming exactly the header and no payload byte (age-encryption.org/v1,
/// "Header"). Every fault is a <see cref="AgeException"/> (HeaderInvalid) naming the line.
/// </summary>
internal static class HeaderReader
{
    private const int ColumnsPerLine = 64;
    private const int MaxLineLength = 16 * 1024;

    public static AgeHeader Read(Stream input)
    {
        var raw = new MemoryStream();
        var lineNumber = 1;
        var first = ReadLine(input, raw, lineNumber);
        if (first != AgeKdf.VersionLine)
        {
            throw Invalid(lineNumber, first is null ? "the input is empty" : $"the version line is not '{AgeKdf.VersionLine}' (only age v1 is supported)");
        }

        var stanzas = ImmutableArray.CreateBuilder<AgeStanza>();
        while (true)
        {
            lineNumber++;
            var lineStart = raw.Length;
            var line = ReadLine(input, raw, lineNumber) ?? throw Invalid(lineNumber, "the header ends before its MAC line (--- …)");
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                // The MAC covers the header up to and including "---", not the space or the MAC itself.
                var macedBytes = raw.GetBuffer().AsSpan(0, (int)lineStart + 3).ToArray();
                return new AgeHeader(stanzas.ToImmutable(), [.. ParseMac(line, lineNumber)], [.. macedBytes]);
            }

            if (!line.StartsWith("-> ", StringComparison.Ordinal))
            {
                throw Invalid(lineNumber, "a line starts with neither '-> ' (a stanza) nor '--- ' (the MAC)");
            }

            var arguments = line[3..].Split(' ');
            if (arguments.Any(a => a.Length == 0 || a.Any(c => c < 33 || c > 126)))
            {
                throw Invalid(lineNumber, "a stanza argument is empty or holds a character outside printable ASCII");
            }

            var body = ReadBody(input, raw, ref lineNumber);
            stanzas.Add(new AgeStanza(arguments[0], [.. arguments[1..]], [.. body]));
        }
    }

    // Body lines are 64 columns of unpadded base64; the first shorter line (possibly empty) ends the stanza.
    private static byte[] ReadBody(Stream input, MemoryStream raw, ref int lineNumber)
    {
        var text = new StringBuilder();
        while (true)
        {
            lineNumber++;
            var line = ReadLine(input, raw, lineNumber) ?? throw Invalid(lineNumber, "a stanza body ends without a final short line");
            if (line.Length > ColumnsPerLine)
            {
                throw Invalid(lineNumber, $"a stanza body line is {line.Length} columns; the limit is {ColumnsPerLine}");
            }

            text.Append(line);
            if (line.Length < ColumnsPerLine)
            {
                return StrictBase64.DecodeUnpadded(text.ToString())
                    ?? throw Invalid(lineNumber, "a stanza body is not canonical unpadded base64");
            }
        }
    }

    private static byte[] ParseMac(string line, int lineNumber)
    {
        if (!line.StartsWith("--- ", StringComparison.Ordinal))
        {
            throw Invalid(lineNumber, "the MAC line must be '--- ' followed by the MAC");
        }

        var mac = StrictBase64.DecodeUnpadded(line[4..]);
        return mac is { Length: 32 } ? mac : throw Invalid(lineNumber, "the header MAC is not 32 bytes of canonical unpadded base64");
    }

    // Reads up to and including '\n' (appended to raw); null at end of input before any byte, a fault on a partial line.
    private static string? ReadLine(Stream input, MemoryStream raw, int lineNumber)
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0)
            {
                return line.Length == 0 ? null : throw Invalid(lineNumber, "the header ends in the middle of a line");
            }

            raw.WriteByte((byte)b);
            if (b == '\n')
            {
                return line.ToString();
            }

            if (b > 127 || line.Length >= MaxLineLength)
            {
                throw Invalid(lineNumber, b > 127 ? "a header line holds a byte outside ASCII" : $"a header line is longer than {MaxLineLength} bytes");
            }

            line.Append((char)b);
        }
    }

    private static AgeException Invalid(int lineNumber, string what) =>
        new(AgeErrorKind.HeaderInvalid, $"age header line {lineNumber}: {what}");
}
