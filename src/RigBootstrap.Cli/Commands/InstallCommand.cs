using System.CommandLine;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Install;

namespace RigBootstrap.Cli.Commands;

/// <summary>`install --config FILE`: what the MDM runs once, as root; validates, installs the daemon and returns.</summary>
public static class InstallCommand
{
    public static Command Create(GlobalOptions global)
    {
        var config = new Option<string>("--config") { Description = "The bootstrap config JSON", Required = true };
        var command = new Command("install", "Validate the config, install the binary and LaunchDaemon, load it, and exit") { config };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            var configPath = Path.GetFullPath(parse.GetValue(config)!);
            // Validate before anything, logging included, touches the host (docs/invariants.md I9).
            // Read once: the bytes validated here are the bytes installed (Installer never reads the file again).
            var configFile = ConfigLoader.ReadFile(configPath);
            using var logging = LoggingSetup.Create(paths, toFile: false, toConsole: false);
            var services = HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), logging, configFile.Config);
            var binary = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell where this binary is.");
            var result = await new Installer(services).InstallAsync(configFile, binary, AppVersion.Current, cancellationToken);
            Console.WriteLine(result.Message);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
