using System.Text;

namespace RigBootstrap.Age;

/// <summary>
/// The strict ASCII armor of age (age-encryption.org/v1, "ASCII armor"; RFC 7468 "strict"): BEGIN line, padded
/// canonical base64 in 64-column lines with only the last one shorter, END line. LF or CRLF line ends; whitespace
/// is allowed only before the BEGIN line and after the END line.
/// </summary>
public static class AgeArmor
{
    public const string BeginLine = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string EndLine = "-----END AGE ENCRYPTED FILE-----";
    private const int ColumnsPerLine = 64;

    /// <summary>Wraps binary age data in armor, with LF line ends and a final newline (as `age -a` writes it).</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var base64 = Convert.ToBase64String(data);
        var text = new StringBuilder(base64.Length + (base64.Length / ColumnsPerLine) + 80).Append(BeginLine).Append('\n');
        for (var start = 0; start < base64.Length; start += ColumnsPerLine)
        {
            text.Append(base64, start, Math.Min(ColumnsPerLine, base64.Length - start)).Append('\n');
        }

        return text.Append(EndLine).Append('\n').ToString();
    }

    /// <summary>
    /// True when the input is to be read as armor: anything that is neither empty nor starts like a binary age file
    /// ("age-encryption.org/"), so that garbage before an armor is an armor fault, not a header fault.
    /// </summary>
    public static bool LooksArmored(ReadOnlySpan<byte> start) =>
        !start.IsEmpty && !start.StartsWith("age-encryption.org/"u8[..Math.Min(start.Length, 19)]);

    /// <summary>Decodes armored text to binary age data; throws <see cref="AgeException"/> (ArmorInvalid) naming the line.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> armored)
    {
        var text = Encoding.Latin1.GetString(armored);
        var start = text.AsSpan().IndexOfAnyExcept(" \t\r\n\v\f");
        if (start < 0)
        {
            throw Invalid(1, "the input holds no armor (it is empty or whitespace)");
        }

        var lines = text[start..].Split('\n');
        var leadingLines = text[..start].Count(c => c == '\n');
        var base64 = new StringBuilder();
        var sawShortLine = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = leadingLines + i + 1;
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (i == 0)
            {
                if (line != BeginLine)
                {
                    throw Invalid(lineNumber, $"the first line is not exactly '{BeginLine}'");
                }

                continue;
            }

            if (line == EndLine)
            {
                var rest = string.Join('\n', lines[(i + 1)..]);
                if (rest.AsSpan().IndexOfAnyExcept(" \t\r\n\v\f") >= 0)
                {
                    throw Invalid(lineNumber + 1, "data follows the END line");
                }

                return StrictBase64.DecodePadded(base64.ToString())
                    ?? throw Invalid(lineNumber, "the base64 is not canonical padded base64");
            }

            if (i == lines.Length - 1 && line.Length == 0)
            {
                break;
            }

            if (sawShortLine)
            {
                throw Invalid(lineNumber, "a line shorter than 64 columns is not the last line before the END line");
            }

            if (line.Length == 0 || line.Length > ColumnsPerLine)
            {
                throw Invalid(lineNumber, line.Length == 0 ? "an empty line inside the armor" : $"a line of {line.Length} columns; the limit is {ColumnsPerLine}");
            }

            if (line.Any(c => c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '=')))
            {
                throw Invalid(lineNumber, "a character outside base64 (whitespace, headers and checksums are not allowed)");
            }

            sawShortLine = line.Length < ColumnsPerLine;
            base64.Append(line);
        }

        throw Invalid(leadingLines + lines.Length, $"the input ends without the '{EndLine}' line");
    }

    private static AgeException Invalid(int lineNumber, string what) =>
        new(AgeErrorKind.ArmorInvalid, $"age armor line {lineNumber}: {what}");
}
