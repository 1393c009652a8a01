using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>
/// A config file read once: its bytes exactly as read, and the config validated from those bytes. `install` installs
/// <see cref="Bytes"/>, so the text on the host is the text that was validated, even if the file changes meanwhile.
/// </summary>
public sealed record ConfigFile
{
    /// <summary>The path the file was read from; errors name it.</summary>
    public required string FilePath { get; init; }

    /// <summary>The file's bytes as read, byte order mark included.</summary>
    public required ImmutableArray<byte> Bytes { get; init; }

    public required BootstrapConfig Config { get; init; }
}
