using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>The boot id on macOS: the kernel's boot time from `sysctl -n kern.boottime`.</summary>
public sealed class SysctlBootIdentity(ToolTable tools, IProcessRunner runner) : IBootIdentity
{
    public async Task<string> GetBootIdAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new CommandSpec
        {
            FileName = tools.PathOf(ToolNames.Sysctl),
            Arguments = ["-n", "kern.boottime"],
            Timeout = TimeSpan.FromSeconds(30),
        }, cancellationToken);
        return KernBoottimeParser.Parse(result.StdoutTail);
    }
}
