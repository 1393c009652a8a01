using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>Records reboot requests instead of rebooting.</summary>
public sealed class FakePower : IPower
{
    public List<string> Requests { get; } = [];

    public Task RebootAsync(string reason, CancellationToken cancellationToken)
    {
        Requests.Add(reason);
        return Task.CompletedTask;
    }
}
