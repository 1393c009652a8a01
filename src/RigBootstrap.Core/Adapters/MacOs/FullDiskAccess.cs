using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>The one message for "macOS refused because this process has no Full Disk Access", with both ways out.</summary>
public static class FullDiskAccess
{
    /// <summary>
    /// TCC guards TCC.db and MDMOverrides.plist even from root; the grant follows the responsible process, which for a
    /// LaunchDaemon is its own program (so the fix names our installed binary).
    /// </summary>
    public static string Missing(string path) =>
        $"cannot read {path}: macOS lets only processes with Full Disk Access read it, even as root; have the MDM's PPPC "
        + $"profile grant SystemPolicyAllFiles to {HostPaths.InstalledBinaryLocation} (IdentifierType path, with its code "
        + "requirement), or rely on the installed profiles listing, which root reads without it";
}
