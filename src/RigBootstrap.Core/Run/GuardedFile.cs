namespace RigBootstrap.Core.Run;

/// <summary>A file a root daemon must keep writable by root only (docs/invariants.md I7), and the command that makes it so.</summary>
public sealed record GuardedFile(string Path, string What, string Fix);
