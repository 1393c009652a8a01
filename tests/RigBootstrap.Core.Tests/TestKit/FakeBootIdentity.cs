using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>A boot id the test controls: Reboot() starts a new boot.</summary>
public sealed class FakeBootIdentity : IBootIdentity
{
    public int Boot { get; private set; } = 1;

    public string Current => $"boot-{Boot}";

    public void Reboot() => Boot++;

    public Task<string> GetBootIdAsync(CancellationToken cancellationToken) => Task.FromResult(Current);
}
