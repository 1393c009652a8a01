using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Doctor;

/// <summary>Enough free disk for an Xcode install: the .xip and its expansion need about 40 GB at once.</summary>
public sealed class DiskSpaceCheck : IDoctorCheck
{
    public const long XcodeInstallBytes = 40L * 1000 * 1000 * 1000;

    private readonly HostPaths _paths;
    private readonly long _requiredBytes;

    public DiskSpaceCheck(HostPaths paths, long requiredBytes = XcodeInstallBytes)
    {
        _paths = paths;
        _requiredBytes = requiredBytes;
    }

    public string Name => "disk";

    public Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        // DriveInfo asks statvfs about the path itself, so any directory on the volume will do.
        var free = new DriveInfo(_paths.RootDirPath).AvailableFreeSpace;
        var finding = free >= _requiredBytes
            ? DoctorFinding.Ok(Name, $"{Gigabytes(free)} free on the volume of {_paths.RootDirPath}")
            : DoctorFinding.Warning(
                Name,
                $"{Gigabytes(free)} free on the volume of {_paths.RootDirPath}; an Xcode install needs about {Gigabytes(_requiredBytes)}",
                "free space before the xcode step runs (old Xcodes under /Applications, ~/Library/Developer/Xcode/DerivedData), or the install fails halfway");
        return Task.FromResult(ImmutableArray.Create(finding));
    }

    private static string Gigabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB");
}
