using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reboots with `shutdown -r now`; the engine has already persisted its intent.</summary>
public sealed class ShutdownPower(ToolTable tools, IProcessRunner runner) : IPower
{
    public async Task RebootAsync(string reason, CancellationToken cancellationToken) =>
        await runner.RunAsync(new CommandSpec
        {
            FileName = tools.PathOf(ToolNames.Shutdown),
            Arguments = ["-r", "now", $"rig-bootstrap: {reason}"],
            Timeout = TimeSpan.FromSeconds(60),
        }, cancellationToken);
}
