using System.Text;
using System.Text.Json;
using RigBootstrap.Core.Config.Parsing;

namespace RigBootstrap.Core.Config;

/// <summary>Loads and completely validates the config, reporting every problem at once as a <see cref="ConfigException"/>.</summary>
public static class ConfigLoader
{
    /// <summary>A config is a few kilobytes; anything over this is the wrong file.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads, decodes (strict UTF-8) and validates the config file at <paramref name="filePath"/>.</summary>
    /// <exception cref="ConfigException">The file is unusable; <see cref="ConfigException.Errors"/> says why and how to fix it.</exception>
    public static BootstrapConfig LoadFile(string filePath) => ReadFile(filePath).Config;

    /// <summary>Reads the file once and validates those bytes; the result keeps both, for `install` to install what it validated.</summary>
    /// <exception cref="ConfigException">The file is unusable; <see cref="ConfigException.Errors"/> says why and how to fix it.</exception>
    public static ConfigFile ReadFile(string filePath)
    {
        var bytes = ConfigFileText.ReadBytes(filePath);
        var config = Parse(ConfigFileText.Decode(bytes, filePath), filePath);
        return new ConfigFile { FilePath = filePath, Bytes = [.. bytes], Config = config };
    }

    /// <summary>Validates config text; <paramref name="filePath"/> only names the source in errors.</summary>
    /// <exception cref="ConfigException">The config is unusable; <see cref="ConfigException.Errors"/> lists every problem.</exception>
    public static BootstrapConfig Parse(string json, string filePath)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw ConfigErrorList.Single(filePath, "the file is empty; write the config as one JSON object such as "
                + "{ \"agent\": { \"user\": \"claude\", \"home\": \"/Users/claude\" }, \"steps\": { … } }");
        }

        var byteCount = Encoding.UTF8.GetByteCount(json);
        if (byteCount > MaxFileBytes)
        {
            throw ConfigErrorList.Single(filePath, ConfigFileText.TooLargeMessage(byteCount));
        }

        using var document = ParseDocument(json, filePath);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ConfigErrorList.Single(filePath,
                $"the root is {JsonKinds.Describe(root)}, not an object; write the config as one JSON object {{ … }}");
        }

        var errors = new ConfigErrorList(filePath);
        var config = BootstrapConfigReader.Read(root, errors);
        errors.ThrowIfAny();
        return config;
    }

    private static JsonDocument ParseDocument(string json, string filePath)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are zero-based; editors count from 1.
            var line = ex.LineNumber + 1;
            var column = ex.BytePositionInLine + 1;
            throw ConfigErrorList.Single(filePath,
                $"the file is not valid JSON at line {line}, byte {column} of that line ({Describe(ex)}); "
                + "fix the JSON there (comments and trailing commas are allowed)");
        }
    }

    // JsonException's message ends with its own "LineNumber: … | BytePositionInLine: …", which we already state.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position > 0 ? message[..position] : message).TrimEnd('.', ' ');
    }
}
