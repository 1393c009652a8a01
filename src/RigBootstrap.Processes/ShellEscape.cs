namespace RigBootstrap.Processes;

/// <summary>Quotes a word for a POSIX shell; for logging copy-pasteable command lines only.</summary>
/// <remarks>Never used to build what is executed: arguments always travel as a list.</remarks>
public static class ShellEscape
{
    /// <summary>
    /// Returns the argument unchanged when it holds only characters no POSIX shell treats
    /// specially, and otherwise wraps it in single quotes, writing each <c>'</c> as <c>'\''</c>.
    /// </summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length == 0)
        {
            return "''";
        }

        if (argument.All(IsSafe))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    // Only characters that are plain in every position of a word; '~', '=', '#' and the rest get
    // quoted, which is always safe.
    private static bool IsSafe(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' or '/' or ',' or ':' or '@' or '%' or '+';
}
