using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.Linux;

/// <summary>Reboots a Linux host with `systemctl reboot`; the engine has already persisted its intent.</summary>
public sealed class SystemctlPower(ToolTable tools, IProcessRunner runner) : IPower
{
    public async Task RebootAsync(string reason, CancellationToken cancellationToken) =>
        await runner.RunAsync(new CommandSpec
        {
            FileName = tools.PathOf(ToolNames.Systemctl),
            Arguments = ["reboot", "--message", $"rig-bootstrap: {reason}"],
            Timeout = TimeSpan.FromSeconds(60),
        }, cancellationToken);
}
