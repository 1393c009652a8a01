using System.Text.Json;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Gets string values and property names that JsonDocument accepted but cannot turn into .NET strings.</summary>
internal static class JsonText
{
    /// <summary>Continues "{path} …" for a string holding an escaped lone surrogate, such as <c>"\ud800"</c>.</summary>
    public const string BadEscapeProblem =
        "contains an invalid \\u escape (a lone UTF-16 surrogate); write the character itself or fix the escape";

    public static bool TryGetString(JsonElement value, out string text)
    {
        // JsonDocument validates escapes lazily: "\ud800" parses, and only GetString throws.
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }
}
