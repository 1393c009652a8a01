using System.Collections.Immutable;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Run;

/// <summary>
/// docs/invariants.md I7: a root daemon whose binary, config or state directory others can write, or whose state files are symbolic
/// links, is a privilege escalation, so `run` refuses to proceed. (Ownership is checked by `doctor`.)
/// </summary>
public static class FileHygiene
{
    private const UnixFileMode Writable = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>The files docs/invariants.md I7 guards, what to call them, and the mode that fixes them (docs/design.md §5); doctor checks their owners.</summary>
    public static ImmutableArray<GuardedFile> GuardedFiles(HostPaths paths, string serviceDefinitionPath) =>
    [
        new(paths.InstalledBinaryPath, "the installed binary", "chmod 0755"),
        new(paths.ConfigPath, "the config", "chmod 0600"),
        new(paths.StateDirPath, "the state directory", "chmod 0755"),
        new(OutboxPaths.For(paths).DirPath, "the events directory", "chmod 0755"),
        new(serviceDefinitionPath, serviceDefinitionPath.EndsWith(".plist", StringComparison.Ordinal) ? "the LaunchDaemon plist" : "the systemd unit", "chmod 0644"),
    ];

    public static IReadOnlyList<string> Problems(HostPaths paths, string serviceDefinitionPath)
    {
        var problems = new List<string>();
        foreach (var file in GuardedFiles(paths, serviceDefinitionPath))
        {
            Check(file.Path, file.What, file.Fix, problems);
        }

        var events = OutboxPaths.For(paths);
        (string Path, string What)[] written =
        [
            (paths.StatePath, "the state file"), (paths.PreviousStatePath, "the previous state file"), (paths.JournalPath, "the journal"), (paths.ConfigPath, "the config"),
            (events.DirPath, "the events directory"), (events.OutboxPath, "the event outbox"), (events.CursorPath, "the event delivery cursor"), (events.LockPath, "the event outbox lock"),
        ];
        foreach (var (path, what) in written)
        {
            // A root daemon that writes through a link someone planted overwrites whatever the link names.
            if (new FileInfo(path).LinkTarget is { } target)
            {
                problems.Add($"{what} {path} is a symlink (to {target}); rig-bootstrap does not read or write through links. Fix: replace it with the regular file it should be");
            }
        }

        return problems;
    }

    private static void Check(string path, string what, string fix, List<string> problems)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return;
        }

        if ((File.GetUnixFileMode(path) & Writable) != 0)
        {
            problems.Add($"{what} {path} is writable by group or others; a root daemon refuses to run it. Fix: `{fix} {path}` (owner root:wheel)");
        }
    }
}
