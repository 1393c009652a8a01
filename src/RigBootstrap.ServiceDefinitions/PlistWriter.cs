using System.Globalization;
using System.Text;
using System.Xml;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>Renders a plist value as Apple's XML property list format, byte for byte as Apple's tools lay it out.</summary>
public static class PlistWriter
{
    private const string DocTypePublicId = "-//Apple//DTD PLIST 1.0//EN";
    private const string DocTypeSystemId = "http://www.apple.com/DTDs/PropertyList-1.0.dtd";

    private const string RootPath = "(root)";

    // A new settings object per call: XmlWriterSettings is mutable, and statics here stay immutable.
    private static XmlWriterSettings CreateSettings() => new()
    {
        // Layout is written by hand below: Apple puts the root value at column 0 and indents with tabs.
        Indent = false,
        NewLineChars = "\n",
        // Entitize keeps a carriage return in a value as &#xD;, so it survives the parser's newline normalisation.
        NewLineHandling = NewLineHandling.Entitize,
        OmitXmlDeclaration = false,
        CheckCharacters = true,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>Returns the document with LF line endings and a final newline; encode it as UTF-8 without a BOM.</summary>
    /// <exception cref="ArgumentException">A key or string holds a character XML 1.0 cannot carry.</exception>
    public static string Write(PlistValue root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, CreateSettings()))
        {
            // Written as a processing instruction so the declaration says "UTF-8" exactly as Apple's header does.
            xml.WriteProcessingInstruction("xml", "version=\"1.0\" encoding=\"UTF-8\"");
            xml.WriteWhitespace("\n");
            xml.WriteDocType("plist", DocTypePublicId, DocTypeSystemId, subset: null);
            xml.WriteWhitespace("\n");
            xml.WriteStartElement("plist");
            xml.WriteAttributeString("version", "1.0");
            xml.WriteWhitespace("\n");
            WriteValue(xml, root, depth: 0, keyPath: RootPath);
            xml.WriteWhitespace("\n");
            xml.WriteEndElement();
            xml.WriteWhitespace("\n");
        }

        return text.ToString();
    }

    private static void WriteValue(XmlWriter xml, PlistValue value, int depth, string keyPath)
    {
        switch (value)
        {
            case PlistString text:
                WriteText(xml, "string", text.Value, keyPath);
                break;
            case PlistInteger integer:
                xml.WriteElementString("integer", integer.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case PlistBoolean boolean:
                // A fixed token, not data: XmlWriter alone would write "<true />" with a space Apple never writes.
                xml.WriteRaw(boolean.Value ? "<true/>" : "<false/>");
                break;
            case PlistReal real:
                xml.WriteElementString("real", real.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case PlistDate date:
                xml.WriteElementString("date", date.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case PlistData data:
                xml.WriteElementString("data", Convert.ToBase64String(data.Bytes.AsSpan()));
                break;
            case PlistArray array:
                WriteArray(xml, array, depth, keyPath);
                break;
            case PlistDictionary dictionary:
                WriteDictionary(xml, dictionary, depth, keyPath);
                break;
            default:
                throw new ArgumentException($"{keyPath}: {value.GetType().Name} is not a plist type this writer knows.", "root");
        }
    }

    private static void WriteArray(XmlWriter xml, PlistArray array, int depth, string keyPath)
    {
        if (array.Items.IsEmpty)
        {
            xml.WriteRaw("<array/>");
            return;
        }

        xml.WriteStartElement("array");
        for (var index = 0; index < array.Items.Length; index++)
        {
            WriteIndent(xml, depth + 1);
            WriteValue(xml, array.Items[index], depth + 1, $"{keyPath}[{index}]");
        }

        WriteIndent(xml, depth);
        xml.WriteEndElement();
    }

    private static void WriteDictionary(XmlWriter xml, PlistDictionary dictionary, int depth, string keyPath)
    {
        if (dictionary.Entries.IsEmpty)
        {
            xml.WriteRaw("<dict/>");
            return;
        }

        xml.WriteStartElement("dict");
        foreach (var (key, item) in dictionary.Entries)
        {
            var itemPath = keyPath == RootPath ? key : $"{keyPath}.{key}";
            WriteIndent(xml, depth + 1);
            WriteText(xml, "key", key, itemPath);
            WriteIndent(xml, depth + 1);
            WriteValue(xml, item, depth + 1, itemPath);
        }

        WriteIndent(xml, depth);
        xml.WriteEndElement();
    }

    private static void WriteText(XmlWriter xml, string element, string text, string keyPath)
    {
        ThrowIfNotXmlText(text, keyPath);
        // A full end element, so an empty string is "<string></string>" as Apple writes it, not "<string />".
        xml.WriteStartElement(element);
        xml.WriteString(text);
        xml.WriteFullEndElement();
    }

    private static void WriteIndent(XmlWriter xml, int depth) =>
        xml.WriteWhitespace("\n" + new string('\t', depth));

    // XmlWriter would also refuse these, but without saying which key holds them.
    private static void ThrowIfNotXmlText(string text, string keyPath)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var current = text[index];
            if (char.IsHighSurrogate(current) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(current))
            {
                throw new ArgumentException(
                    $"{keyPath}: the character U+{(int)current:X4} at index {index} cannot be written to an XML plist "
                    + "(XML 1.0 allows no control characters other than tab, LF and CR, and no unpaired surrogates); remove it.",
                    "root");
            }
        }
    }
}
