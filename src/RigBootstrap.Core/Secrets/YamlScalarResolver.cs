using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Resolves a YAML scalar the way SOPS sees it (Go's yaml.v3 decoding into an interface): a plain scalar may be
/// null, a bool (true/True/TRUE, false/…), an int (decimal, 0x, 0o, 0b, `_` separators) or a float; anything
/// quoted, and everything else, is a string. Timestamps stay strings, as yaml.v3 keeps them for interfaces.
/// </summary>
public static partial class YamlScalarResolver
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>The resolved kind and canonical text, or null for a YAML null (SOPS skips nulls).</summary>
    public static (SopsScalarKind Kind, string Text)? Resolve(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        if (tag == TagPrefix + "str")
        {
            return (SopsScalarKind.String, text);
        }

        var plain = node.Style is ScalarStyle.Plain or ScalarStyle.Any;
        return tag is null && !plain ? (SopsScalarKind.String, text) : ResolvePlain(text);
    }

    private static (SopsScalarKind Kind, string Text)? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return (SopsScalarKind.Boolean, "true");
            case "false" or "False" or "FALSE":
                return (SopsScalarKind.Boolean, "false");
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (SopsScalarKind.Float, GoFloatText.Format(double.PositiveInfinity));
            case "-.inf" or "-.Inf" or "-.INF":
                return (SopsScalarKind.Float, GoFloatText.Format(double.NegativeInfinity));
            case ".nan" or ".NaN" or ".NAN":
                return (SopsScalarKind.Float, GoFloatText.Format(double.NaN));
        }

        var digits = text.Replace("_", "", StringComparison.Ordinal);
        if (TryParseGoInt(digits, out var integer))
        {
            return (SopsScalarKind.Integer, integer.ToString(CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(digits) && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (SopsScalarKind.Float, GoFloatText.Format(number));
        }

        return (SopsScalarKind.String, text);
    }

    // Go's strconv.ParseInt(s, 0, 64): a sign, then 0x/0o/0b or a leading 0 (octal), else decimal.
    private static bool TryParseGoInt(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        var (radix, rest) = body.Length > 1 && body[0] == '0'
            ? char.ToLowerInvariant(body[1]) switch
            {
                'x' => (16, body[2..]),
                'o' => (8, body[2..]),
                'b' => (2, body[2..]),
                _ => (8, body[1..]),
            }
            : (10, body);
        if (rest.Length == 0 || !rest.All(c => DigitValue(c) < radix))
        {
            return false;
        }

        BigInteger magnitude = 0;
        foreach (var c in rest)
        {
            magnitude = magnitude * radix + DigitValue(c);
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed < long.MinValue || signed > long.MaxValue)
        {
            return false;
        }

        value = (long)signed;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => int.MaxValue,
    };

    // yaml.v3's yamlStyleFloat.
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex FloatPattern();
}
