using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Run;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// docs/invariants.md I7, root daemon hygiene: the modes `run` insists on (through FileHygiene, the same rule `run` applies), and the
/// owners, which `run` cannot see: a root daemon's file owned by another user lets that user choose what root runs.
/// </summary>
public sealed class FileHygieneCheck : IDoctorCheck
{
    private readonly HostPaths _paths;
    private readonly string _serviceDefinitionPath;
    private readonly int? _expectedOwnerUid;

    /// <summary><paramref name="expectedOwnerUid"/> is 0 on a real host; null skips owners (a simulated root belongs to whoever made it).</summary>
    public FileHygieneCheck(HostPaths paths, string serviceDefinitionPath, int? expectedOwnerUid)
    {
        _paths = paths;
        _serviceDefinitionPath = serviceDefinitionPath;
        _expectedOwnerUid = expectedOwnerUid;
    }

    public string Name => "file-hygiene";

    public Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        // The files FileHygiene guards, with the owner and mode docs/design.md §5 gives them.
        var files = FileHygiene.GuardedFiles(_paths, _serviceDefinitionPath)
            .Where(f => File.Exists(f.Path) || Directory.Exists(f.Path)).ToList();
        if (files.Count == 0)
        {
            return Task.FromResult(ImmutableArray.Create(DoctorFinding.Ok(Name, "nothing installed yet: no binary, config, state directory or plist to check")));
        }

        var findings = ImmutableArray.CreateBuilder<DoctorFinding>();
        foreach (var problem in FileHygiene.Problems(_paths, _serviceDefinitionPath))
        {
            var at = problem.IndexOf(" Fix: ", StringComparison.Ordinal);
            findings.Add(at < 0
                ? DoctorFinding.Problem(Name, problem, "make it writable by root only")
                : DoctorFinding.Problem(Name, problem[..at], problem[(at + " Fix: ".Length)..]));
        }

        if (_expectedOwnerUid is { } expected)
        {
            foreach (var file in files)
            {
                findings.Add(OwnerFinding(file.Path, file.What, expected));
            }
        }

        findings.RemoveAll(f => f.Severity == FindingSeverity.Ok);
        if (findings.Count == 0)
        {
            var owners = _expectedOwnerUid is null ? "owners not checked under a simulated host root" : $"owned by uid {_expectedOwnerUid}";
            findings.Add(DoctorFinding.Ok(Name, $"{string.Join(", ", files.Select(f => f.What))}: writable by their owner only; {owners}"));
        }

        return Task.FromResult(findings.ToImmutable());
    }

    private DoctorFinding OwnerFinding(string path, string what, int expected)
    {
        try
        {
            var uid = FileOwner.UidOf(path);
            return uid == expected
                ? DoctorFinding.Ok(Name, $"{what} is owned by uid {uid}")
                : DoctorFinding.Problem(
                    Name,
                    $"{what} {path} is owned by uid {uid}, not {expected}: that user can change what a root daemon runs",
                    $"`chown -R root:wheel {path}`");
        }
        catch (UnauthorizedAccessException)
        {
            return DoctorFinding.Warning(Name, $"cannot read {path} to learn its owner", "run doctor as root");
        }
    }
}
