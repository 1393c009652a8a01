using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Builds the read-only <c>sqlite3</c> call that looks up a TCC grant, and reads its <c>-json</c> output.</summary>
/// <remarks>
/// The sqlite3 shell has no bind parameters, so values go into the SQL as string literals: single quotes doubled,
/// NUL and invalid UTF-16 refused. The SQL is one argv element and starts with <c>SELECT</c>, so the shell never
/// reads it as a dot-command or an option. Reading TCC.db needs Full Disk Access, even as root.
/// </remarks>
public static class TccQuery
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The arguments after the sqlite3 path: <c>-readonly -init /dev/null -json &lt;db&gt; &lt;SELECT …&gt;</c>.
    /// <c>-init /dev/null</c> keeps a <c>~/.sqliterc</c> from changing the output mode or running statements.
    /// </summary>
    /// <exception cref="ArgumentException">The path is not absolute, or a value is empty, holds NUL or is invalid UTF-16.</exception>
    public static ImmutableArray<string> GrantCheckArguments(string databasePath, string service, string client)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        // Absolute, so the shell cannot take it for an option ("-…") or a URI ("file:…").
        if (!databasePath.StartsWith('/') || databasePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The TCC database path '{ToolOutputExcerpt.Of(databasePath)}' must be absolute.", nameof(databasePath));
        }

        return ["-readonly", "-init", "/dev/null", "-json", databasePath, GrantCheckSql(service, client)];
    }

    /// <summary>Every <c>access</c> row for the service and client, whatever its client type or indirect object.</summary>
    public static string GrantCheckSql(string service, string client) =>
        $"SELECT {TccSchema.Service}, {TccSchema.Client}, "
        + $"CAST({TccSchema.ClientType} AS INTEGER) AS {TccSchema.ClientType}, "
        + $"CAST({TccSchema.AuthValue} AS INTEGER) AS {TccSchema.AuthValue}, "
        + $"CAST({TccSchema.AuthReason} AS INTEGER) AS {TccSchema.AuthReason} "
        + $"FROM {TccSchema.AccessTable} "
        + $"WHERE {TccSchema.Service} = {Literal(service, nameof(service))} AND {TccSchema.Client} = {Literal(client, nameof(client))} "
        + $"ORDER BY {TccSchema.ClientType}, {TccSchema.AuthValue} DESC;";

    /// <summary>
    /// Reads <c>sqlite3 -json</c> output. No rows print nothing at all, which gives an empty list.
    /// </summary>
    /// <exception cref="FormatException">The output is not a JSON array of rows with the selected columns.</exception>
    public static ImmutableArray<TccAccessRow> ParseRows(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (string.IsNullOrWhiteSpace(stdout))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(stdout);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(stdout);
            }

            return [.. document.RootElement.EnumerateArray().Select(row => ToRow(row, stdout))];
        }
        catch (JsonException ex)
        {
            throw new ToolOutputException($"sqlite3 -json printed '{ToolOutputExcerpt.Of(stdout)}', which is not JSON; check that sqlite3 is 3.33 or later (the first with -json).", ex);
        }
    }

    /// <summary>True when any row allows (<c>auth_value = 2</c>).</summary>
    public static bool IsAllowed(ImmutableArray<TccAccessRow> rows) => rows.Any(row => row.IsAllowed);

    private static TccAccessRow ToRow(JsonElement row, string stdout) =>
        row.ValueKind == JsonValueKind.Object
            ? new TccAccessRow(
                Text(row, TccSchema.Service, stdout),
                Text(row, TccSchema.Client, stdout),
                Integer(row, TccSchema.ClientType, stdout),
                Integer(row, TccSchema.AuthValue, stdout),
                Integer(row, TccSchema.AuthReason, stdout))
            : throw Malformed(stdout);

    private static string Text(JsonElement row, string column, string stdout) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed(stdout);

    private static int Integer(JsonElement row, string column, string stdout) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Malformed(stdout);

    private static string Literal(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The TCC {name} contains a NUL character, which cannot be passed to sqlite3.", name);
        }

        // A lone surrogate would reach sqlite3 as U+FFFD and could match some other row.
        if (!IsWellFormed(value))
        {
            throw new ArgumentException($"The TCC {name} is not valid Unicode (it holds a lone surrogate).", name);
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool IsWellFormed(string value)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static FormatException Malformed(string stdout) =>
        new($"sqlite3 -json printed '{ToolOutputExcerpt.Of(stdout)}', which is not an array of access rows with service, client, client_type, auth_value and auth_reason.");
}
