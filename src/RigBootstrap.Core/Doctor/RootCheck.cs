using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Doctor;

/// <summary>`install` and `run` act as root on a real host: they write under /Library and /var/db and load a system daemon.</summary>
public sealed class RootCheck : IDoctorCheck
{
    private readonly HostPaths _paths;
    private readonly uint _effectiveUserId;

    public RootCheck(HostPaths paths, uint effectiveUserId)
    {
        _paths = paths;
        _effectiveUserId = effectiveUserId;
    }

    public string Name => "root";

    public Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var finding = (_effectiveUserId, _paths.IsRealRoot) switch
        {
            (0, _) => DoctorFinding.Ok(Name, "running as root (uid 0)"),
            (_, false) => DoctorFinding.Ok(Name, $"running as uid {_effectiveUserId}; root is not needed under the simulated host root {_paths.RootDirPath}"),
            _ => DoctorFinding.Problem(
                Name,
                $"running as uid {_effectiveUserId}, not root: `install` and `run` need root, and some checks below cannot see everything",
                "run it again with sudo: `sudo rig-bootstrap doctor`"),
        };
        return Task.FromResult(ImmutableArray.Create(finding));
    }
}
