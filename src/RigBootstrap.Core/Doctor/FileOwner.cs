using System.Formats.Tar;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// The owning uid of a file or directory. .NET exposes a file's mode but not its owner; the tar writer is the one
/// public API that reads it (lstat), so we write a ustar header for the path and read the uid back from it,
/// rather than P/Invoke stat, whose struct layout differs between macOS and Linux and between architectures.
/// </summary>
public static class FileOwner
{
    private const int HeaderBytes = 512;

    /// <summary>Throws UnauthorizedAccessException when the file cannot be read (a 0600 root file, read by another user).</summary>
    public static int UidOf(string path)
    {
        var header = new LeadingBytesStream(HeaderBytes);
        using (var writer = new TarWriter(header, TarEntryFormat.Ustar, leaveOpen: true))
        {
            // A file's content is streamed through and dropped; only the header is kept.
            writer.WriteEntry(path, "entry");
        }

        using var reader = new TarReader(new MemoryStream(header.Kept));
        var entry = reader.GetNextEntry(copyData: false)
            ?? throw new InvalidDataException($"no tar header was written for {path}");
        return entry.Uid;
    }
}
