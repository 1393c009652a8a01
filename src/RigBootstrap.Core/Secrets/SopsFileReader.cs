using System.Text;

namespace RigBootstrap.Core.Secrets;

/// <summary>Reads a SOPS file from disk and parses it by its format: the extension first, then the content.</summary>
public static class SopsFileReader
{
    // A SOPS file is small; a huge one is a mistake (or an attack) better refused than parsed.
    private const long MaxFileBytes = 16 * 1024 * 1024;

    public static SopsDocument Read(string filePath)
    {
        string text;
        try
        {
            var info = new FileInfo(filePath);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new SopsException(SopsErrorKind.Malformed, filePath, $"is larger than {MaxFileBytes / 1024 / 1024} MiB; it is not a SOPS secrets file");
            }

            text = File.ReadAllText(filePath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath, "does not exist; put the SOPS file there (see the secrets step's `source`)", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath, $"cannot be read: {ex.Message}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath, "is not UTF-8 text; a SOPS file is text", ex);
        }

        return Parse(filePath, text);
    }

    /// <summary>Parses text already read; <paramref name="filePath"/> picks the format and names the file in errors.</summary>
    public static SopsDocument Parse(string filePath, string text) => DetectFormat(filePath, text) switch
    {
        SopsFormat.Json => SopsJsonReader.Read(filePath, text),
        SopsFormat.Dotenv => SopsDotenvReader.Read(filePath, text),
        _ => SopsYamlReader.Read(filePath, text),
    };

    public static SopsFormat DetectFormat(string filePath, string text)
    {
        var extension = Path.GetExtension(filePath).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                return SopsFormat.Json;
            case ".env":
                return SopsFormat.Dotenv;
            case ".yaml" or ".yml":
                return SopsFormat.Yaml;
        }

        // No telling extension: JSON starts with `{`; a dotenv file has its metadata in `sops_…=` lines.
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            return SopsFormat.Json;
        }

        return text.Split('\n').Any(line => line.StartsWith("sops_", StringComparison.Ordinal) && line.Contains('='))
            ? SopsFormat.Dotenv
            : SopsFormat.Yaml;
    }
}
