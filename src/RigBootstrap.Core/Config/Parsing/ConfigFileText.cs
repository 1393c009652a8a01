using System.Text;
using System.Text.Unicode;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads the config file's text: it must exist, be a file, be small, and be strictly valid UTF-8.</summary>
internal static class ConfigFileText
{
    /// <summary>The file's bytes, read once: it must exist, be a file and be small.</summary>
    public static byte[] ReadBytes(string filePath)
    {
        if (Directory.Exists(filePath))
        {
            throw ConfigErrorList.Single(filePath, "the path is a directory, not a file; pass the path of the config JSON file");
        }

        if (!File.Exists(filePath))
        {
            throw ConfigErrorList.Single(filePath, "file not found; pass the path of the config JSON");
        }

        return ReadAll(filePath);
    }

    public static string TooLargeMessage(long byteCount) =>
        $"the file is {byteCount} bytes, over the limit of {ConfigLoader.MaxFileBytes} bytes; "
        + "a config is a few kilobytes, so check that you passed the config JSON";

    private static byte[] ReadAll(string filePath)
    {
        try
        {
            // Check the length first, so that a huge file is refused without being read into memory.
            using var stream = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > ConfigLoader.MaxFileBytes)
            {
                throw ConfigErrorList.Single(filePath, TooLargeMessage(stream.Length));
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Also covers the file vanishing between the existence check and the open.
            throw ConfigErrorList.Single(filePath, $"the file cannot be read ({ex.Message}); check that it exists and root can read it");
        }
    }

    /// <summary>Decodes strict UTF-8, dropping an editor's byte order mark.</summary>
    public static string Decode(byte[] bytes, string filePath)
    {
        // An editor's UTF-8 byte order mark is harmless; JsonDocument would reject it as text.
        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var chars = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var offset = bytesRead + (bytes.Length - utf8.Length);
            throw ConfigErrorList.Single(filePath,
                $"the file is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} starts an invalid sequence; "
                + "save the file as UTF-8");
        }

        return new string(chars, 0, charsWritten);
    }
}
