using System.Text;

namespace RigBootstrap.StateMachine;

/// <summary>Escaping and naming rules for text placed in Mermaid state diagrams.</summary>
internal static class MermaidText
{
    public static string NameOf(object value) => value.ToString() ?? string.Empty;

    /// <summary>True when <paramref name="name"/> can stand as a state id without quoting.</summary>
    public static bool IsPlainId(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character == '_')
        && !IsKeyword(name);

    /// <summary>Replaces characters that would end or break a label with Mermaid entity codes.</summary>
    /// <remarks>
    /// Mermaid turns <c>#name;</c> and <c>#123;</c> into characters before parsing any diagram type, so these
    /// survive the grammar; <c>#</c> itself is escaped so user text cannot form such a code by accident.
    /// </remarks>
    public static string EscapeLabel(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            switch (character)
            {
                case '#': escaped.Append("#35;"); break;
                case ':': escaped.Append("#58;"); break;
                case ';': escaped.Append("#59;"); break;
                case '"': escaped.Append("#quot;"); break;
                case '<': escaped.Append("#lt;"); break;
                case '>': escaped.Append("#gt;"); break;
                case '\r' when index + 1 < text.Length && text[index + 1] == '\n': break;
                case '\r' or '\n': escaped.Append("<br/>"); break;
                default: escaped.Append(character); break;
            }
        }

        return escaped.ToString();
    }

    // Words the state-diagram grammar uses itself; a state with such a name gets an alias instead.
    private static bool IsKeyword(string name) => name.ToLowerInvariant()
        is "state" or "note" or "end" or "as" or "direction" or "class" or "classdef" or "style" or "click" or "hide" or "scale";
}
