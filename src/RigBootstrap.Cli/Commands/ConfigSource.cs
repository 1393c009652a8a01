using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;

namespace RigBootstrap.Cli.Commands;

/// <summary>Which config a read-only verb describes: --config, else the installed one, else the embedded demo config.</summary>
public static class ConfigSource
{
    public static (BootstrapConfig Config, string Path) Resolve(string? configOption, HostPaths paths)
    {
        if (configOption is not null)
        {
            var path = System.IO.Path.GetFullPath(configOption);
            return (ConfigLoader.LoadFile(path), path);
        }

        return File.Exists(paths.ConfigPath)
            ? (ConfigLoader.LoadFile(paths.ConfigPath), paths.ConfigPath)
            : (ConfigLoader.Parse(DemoConfig.Text, "(embedded demo config)"), "(embedded demo config)");
    }
}
