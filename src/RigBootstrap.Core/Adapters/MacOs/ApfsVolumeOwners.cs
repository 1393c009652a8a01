using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="IVolumeOwners"/> over `dscl` and `diskutil`: the user's GeneratedUID (`dscl . -read /Users/&lt;u&gt;
/// GeneratedUID`) must be a cryptographic user of `/` marked `Volume Owner: Yes` (`diskutil apfs listUsers /`), the
/// check Munki's osinstaller and macadmins' extension attributes make before an Apple Silicon OS install.
/// </summary>
public sealed class ApfsVolumeOwners(IProcessRunner runner, ToolTable tools) : IVolumeOwners
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public async Task<VolumeOwnership> CheckAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var dscl = await RunAsync(ToolNames.Dscl, [".", "-read", "/Users/" + userName, "GeneratedUID"], cancellationToken);
        var uid = dscl.ExitCode == 0 ? DsclAttributeParser.Values(dscl.StdoutTail, "GeneratedUID").FirstOrDefault() : null;
        if (uid is null)
        {
            return new VolumeOwnership(false, $"there is no local user {userName} (`dscl . -read /Users/{userName} GeneratedUID` exited {dscl.ExitCode})");
        }

        var diskutil = await RunAsync(ToolNames.Diskutil, ["apfs", "listUsers", "/"], cancellationToken);
        if (diskutil.ExitCode != 0)
        {
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised,
                $"diskutil apfs listUsers / exited {diskutil.ExitCode}: '{ToolOutputExcerpt.Of(diskutil.StderrTail)}'; run it by hand as root");
        }

        ApfsCryptoUser? entry;
        try
        {
            entry = DiskutilApfsUsersParser.Parse(diskutil.StdoutTail).FirstOrDefault(u => u.Uuid.Equals(uid, StringComparison.OrdinalIgnoreCase));
        }
        catch (FormatException ex)
        {
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised, ex.Message);
        }

        return entry switch
        {
            null => new VolumeOwnership(false, $"{userName} ({uid}) is not a cryptographic user of / (`diskutil apfs listUsers /`): it has no secure token"),
            { VolumeOwner: true } => new VolumeOwnership(true, $"{userName} ({uid}) is a volume owner of /"),
            { VolumeOwner: false } => new VolumeOwnership(false, $"{userName} ({uid}) is a cryptographic user of / but `Volume Owner: No`"),
            _ => new VolumeOwnership(false, $"`diskutil apfs listUsers /` prints no Volume Owner line for {userName} ({uid}) on this release"),
        };
    }

    private Task<ProcessResult> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(runner, ToolCall.Spec(tools, tool, [.. arguments], ToolTimeout),
            message => new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised, message), cancellationToken);
}
