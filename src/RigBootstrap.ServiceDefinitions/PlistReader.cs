using System.Collections.Immutable;
using System.Globalization;
using System.Xml;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>Parses an XML property list (string, integer, true/false, array, dict) without touching the network.</summary>
public static class PlistReader
{
    // DtdProcessing.Ignore with no resolver: the DOCTYPE's apple.com URL is never fetched and no entity is expanded.
    private static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Whitespace inside <string> is data, so whitespace nodes are skipped by hand between elements instead.
        IgnoreWhitespace = false,
        CheckCharacters = true,
    };

    /// <exception cref="FormatException">The text is not a well-formed plist; the message gives line and position.</exception>
    public static PlistValue Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, CreateSettings());
        try
        {
            return ReadDocument(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException(
                $"The plist is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }
    }

    private static PlistValue ReadDocument(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "plist")
        {
            throw Malformed(reader, "the document must have a <plist> root element");
        }

        if (reader.IsEmptyElement)
        {
            throw Malformed(reader, "<plist> is empty; it must hold exactly one value");
        }

        reader.Read();
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw Malformed(reader, "<plist> must hold exactly one value");
        }

        var root = ReadValue(reader);
        if (reader.MoveToContent() != XmlNodeType.EndElement)
        {
            throw Malformed(reader, "<plist> must hold exactly one value");
        }

        reader.ReadEndElement();
        // Reading on to the end makes the XmlReader report anything malformed after </plist>.
        while (reader.Read())
        {
        }

        return root;
    }

    private static PlistValue ReadValue(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw Malformed(reader, $"expected a value element, found {reader.NodeType}");
        }

        switch (reader.LocalName)
        {
            case "string":
                return new PlistString(reader.ReadElementContentAsString());
            case "integer":
                return ReadInteger(reader);
            case "true":
            case "false":
                return ReadBoolean(reader);
            case "array":
                return ReadArray(reader);
            case "dict":
                return ReadDictionary(reader);
            case "data":
                return ReadData(reader);
            case "date":
                return ReadDate(reader);
            case "real":
                return ReadReal(reader);
            default:
                throw Malformed(reader, $"<{reader.LocalName}> is not supported (this reader knows string, integer, real, true, false, date, data, array and dict)");
        }
    }

    private static PlistInteger ReadInteger(XmlReader reader)
    {
        var (line, position) = Where(reader);
        var text = reader.ReadElementContentAsString().Trim();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed(line, position, $"<integer> holds '{text}', which is not a 64-bit decimal integer");
        }

        return new PlistInteger(value);
    }

    private static PlistData ReadData(XmlReader reader)
    {
        var (line, position) = Where(reader);
        // Apple's writer wraps base64 across lines and indents it with tabs: all whitespace is layout.
        var text = string.Concat(reader.ReadElementContentAsString().Where(c => !char.IsWhiteSpace(c)));
        try
        {
            return new PlistData([.. Convert.FromBase64String(text)]);
        }
        catch (FormatException)
        {
            throw Malformed(line, position, "<data> does not hold base64");
        }
    }

    private static PlistDate ReadDate(XmlReader reader)
    {
        var (line, position) = Where(reader);
        var text = reader.ReadElementContentAsString().Trim();
        // plist(5): ISO 8601 in UTC with a Z, such as 2019-01-09T21:35:10Z.
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? new PlistDate(value)
            : throw Malformed(line, position, $"<date> holds '{text}', which is not a UTC date such as 2019-01-09T21:35:10Z");
    }

    private static PlistReal ReadReal(XmlReader reader)
    {
        var (line, position) = Where(reader);
        var text = reader.ReadElementContentAsString().Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new PlistReal(value)
            : throw Malformed(line, position, $"<real> holds '{text}', which is not a number");
    }

    private static PlistBoolean ReadBoolean(XmlReader reader)
    {
        var (line, position) = Where(reader);
        var value = reader.LocalName == "true";
        if (!string.IsNullOrWhiteSpace(reader.ReadElementContentAsString()))
        {
            throw Malformed(line, position, $"<{(value ? "true" : "false")}/> must be empty");
        }

        return new PlistBoolean(value);
    }

    private static PlistArray ReadArray(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new PlistArray([]);
        }

        reader.Read();
        var items = ImmutableArray.CreateBuilder<PlistValue>();
        while (reader.MoveToContent() != XmlNodeType.EndElement)
        {
            items.Add(ReadValue(reader));
        }

        reader.ReadEndElement();
        return new PlistArray(items.ToImmutable());
    }

    private static PlistDictionary ReadDictionary(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return PlistDictionary.Empty;
        }

        reader.Read();
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, PlistValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.MoveToContent() != XmlNodeType.EndElement)
        {
            var (line, position) = Where(reader);
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "key")
            {
                throw Malformed(line, position, $"expected <key> in <dict>, found {Describe(reader)}");
            }

            var key = reader.ReadElementContentAsString();
            if (!seen.Add(key))
            {
                throw Malformed(line, position, $"the key '{key}' appears twice in one <dict>");
            }

            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw Malformed(reader, $"the key '{key}' has no value");
            }

            entries.Add(new(key, ReadValue(reader)));
        }

        reader.ReadEndElement();
        return new PlistDictionary(entries.ToImmutable());
    }

    private static string Describe(XmlReader reader) =>
        reader.NodeType == XmlNodeType.Element ? $"<{reader.LocalName}>" : reader.NodeType.ToString();

    private static (int Line, int Position) Where(XmlReader reader) =>
        reader is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);

    private static FormatException Malformed(XmlReader reader, string problem)
    {
        var (line, position) = Where(reader);
        return Malformed(line, position, problem);
    }

    private static FormatException Malformed(int line, int position, string problem) =>
        new($"The plist is malformed at line {line}, position {position}: {problem}.");
}
