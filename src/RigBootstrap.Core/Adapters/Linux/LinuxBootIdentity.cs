using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Adapters.Linux;

/// <summary>The boot id on Linux: the kernel's random per-boot UUID (resolved under the host root, so tests can set it).</summary>
public sealed class LinuxBootIdentity(HostPaths paths) : IBootIdentity
{
    public async Task<string> GetBootIdAsync(CancellationToken cancellationToken)
    {
        var text = (await File.ReadAllTextAsync(paths.LinuxBootIdPath, cancellationToken)).Trim();
        return Guid.TryParse(text, out _)
            ? text
            : throw new ToolOutputException($"{paths.LinuxBootIdPath} holds \"{text}\", not a boot id (a UUID)");
    }
}
