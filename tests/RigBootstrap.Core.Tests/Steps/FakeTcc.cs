using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>A TCC whose grants the test sets; unknown grants are not granted. It can also fail like an unreadable TCC.db.</summary>
public sealed class FakeTcc : ITcc
{
    public Dictionary<(string Service, string Client), TccGrantStatus> Statuses { get; } = [];

    public List<(string Service, string Client, string UserName)> Lookups { get; } = [];

    public TccException? Failure { get; set; }

    public Task<TccGrantStatus> HasGrantAsync(string service, string client, string userName, CancellationToken cancellationToken)
    {
        Lookups.Add((service, client, userName));
        return Failure is not null
            ? Task.FromException<TccGrantStatus>(Failure)
            : Task.FromResult(Statuses.GetValueOrDefault((service, client), TccGrantStatus.NotGranted));
    }
}
