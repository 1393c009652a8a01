using System.Globalization;
using System.Text;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Formats and parses floats the way SOPS does in Go: <c>strconv.FormatFloat(v, 'f', -1, 64)</c> (the shortest digits
/// that round-trip, never an exponent) — the text the MAC covers and the env file shows.
/// </summary>
public static class GoFloatText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        // "R" gives the shortest round-trip digits (since .NET Core 3.0), with an exponent when it is short.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        return e < 0 ? text : WithoutExponent(text[..e], int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>Go's <c>strconv.ParseFloat(s, 64)</c> for the forms SOPS writes: decimal, exponent, Inf and NaN.</summary>
    public static bool TryParse(string text, out double value)
    {
        switch (text.TrimStart('+', '-').ToLowerInvariant())
        {
            case "inf" or "infinity":
                value = text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static string WithoutExponent(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var digits = mantissa.TrimStart('-').Replace(".", "", StringComparison.Ordinal);
        // The mantissa has one digit before its point, so the point sits after (1 + exponent) digits.
        var point = 1 + exponent;
        var result = new StringBuilder();
        if (negative)
        {
            result.Append('-');
        }

        if (point <= 0)
        {
            result.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            result.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            result.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }

        return result.ToString();
    }
}
