using System.Collections.Immutable;

namespace RigBootstrap.Core.Doctor;

/// <summary>One `doctor` check of a host, before or after install; it reports what it found and never changes anything.</summary>
public interface IDoctorCheck
{
    string Name { get; }

    Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken);
}
