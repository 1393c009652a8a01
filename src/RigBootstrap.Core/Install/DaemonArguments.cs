using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Install;

/// <summary>How the service manager starts our daemon: the installed binary, `run`, and the host root and tools dir in a simulation.</summary>
public static class DaemonArguments
{
    public static ImmutableArray<string> For(HostPaths paths, string? toolsDirPath)
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.Add(paths.InstalledBinaryPath);
        arguments.Add("run");
        if (!paths.IsRealRoot)
        {
            arguments.Add("--root");
            arguments.Add(paths.RootDirPath);
        }

        if (toolsDirPath is not null)
        {
            arguments.Add("--tools-dir");
            arguments.Add(toolsDirPath);
        }

        return arguments.ToImmutable();
    }
}
