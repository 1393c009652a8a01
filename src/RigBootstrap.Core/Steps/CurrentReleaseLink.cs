using System.Runtime.InteropServices;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Switches `~/.rig/current` to a release atomically: a `current.new` link is made, then renamed over `current`
/// (rename(2) replaces a link in one step), and the directory is synced.
/// </summary>
public static class CurrentReleaseLink
{
    /// <summary>True when `current` is a symlink that resolves to the release directory of <paramref name="sha"/>.</summary>
    public static bool PointsAt(AgentLayout layout, string sha)
    {
        var target = new FileInfo(layout.CurrentPath).LinkTarget;
        return target is not null
            && Path.GetFullPath(target, layout.RigDirPath).TrimEnd('/') == layout.ReleaseDirPath(sha);
    }

    public static void SwitchTo(AgentLayout layout, string sha, string agentUser, IFileOwnership ownership)
    {
        if (PointsAt(layout, sha))
        {
            return;
        }

        RemoveIfPresent(layout.NextCurrentPath);
        File.CreateSymbolicLink(layout.NextCurrentPath, AgentLayout.LinkTargetFor(sha));
        ownership.GiveToUser(layout.NextCurrentPath, agentUser);

        // The secrets step creates `current` as a plain directory when its env file lies there and nothing was
        // deployed yet. rename(2) cannot put a link over a directory, so it is moved aside first; its env file was
        // already carried into the release, and a crash in between leaves no `current`, which the next apply makes.
        if (new FileInfo(layout.CurrentPath).LinkTarget is null && Directory.Exists(layout.CurrentPath))
        {
            RemoveIfPresent(layout.ReplacedCurrentPath);
            Directory.Move(layout.CurrentPath, layout.ReplacedCurrentPath);
        }

        Rename(layout.NextCurrentPath, layout.CurrentPath);
        DurableFile.SyncDirectory(layout.RigDirPath);
        RemoveIfPresent(layout.ReplacedCurrentPath);
    }

    /// <summary>Removes a file, a link (never its target) or a directory tree; nothing there is fine.</summary>
    public static void RemoveIfPresent(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            // Recursive delete removes links inside the tree, never what they point to.
            Directory.Delete(path, recursive: true);
        }
        else if (info.Exists || info.LinkTarget is not null)
        {
            File.Delete(path);
        }
    }

    // File.Move stats through the link and refuses a link to a directory, so rename(2) is called directly.
    private static void Rename(string sourcePath, string destinationPath)
    {
        if (Native.Rename(sourcePath, destinationPath) != 0)
        {
            throw new IOException($"Cannot rename {sourcePath} to {destinationPath}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
        public static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
    }
}
