using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>An MDM policy source whose reading the test sets (nothing yet, by default); it counts its reads.</summary>
public sealed class FakeTccPolicySource(string name) : ITccPolicySource
{
    public string Name => name;

    public TccSourceReading Reading { get; set; } = new TccSourceReading.Absent("not there yet");

    public int Reads { get; private set; }

    public void Holds(params TccPolicyEntry[] entries) => Reading = new TccSourceReading.Read([.. entries]);

    public Task<TccSourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(Reading);
    }
}
