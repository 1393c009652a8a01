using System.Collections.Immutable;
using System.Text.Json;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads the root object into a <see cref="BootstrapConfig"/>, then checks the rules that span sections.</summary>
internal static class BootstrapConfigReader
{
    private static readonly RebootConfig RebootDefaults = new();
    private static readonly DaemonConfig DaemonDefaults = new();

    public static BootstrapConfig Read(JsonElement root, ConfigErrorList errors)
    {
        var reader = JsonObjectReader.Open(root, "", errors, "write the config as one JSON object", ConfigObjectShape.Root)!;
        // "$schema" only tells an editor where docs/config.schema.json is; nothing else reads it.
        reader.OptionalString("$schema", "set it to the URL or path of config.schema.json, or remove it");
        var label = reader.OptionalString("label", "set it to a reverse-DNS label such as com.rig.bootstrap",
            FieldRules.ReverseDns("com.rig.bootstrap"));
        var platform = reader.OptionalString("platform", "set it to \"macos\" (launchd) or \"linux\" (systemd)",
            FieldRules.OneOf("macos", "linux"));
        var config = new BootstrapConfig
        {
            Platform = platform == "linux" ? HostPlatform.Linux : HostPlatform.MacOs,
            Agent = ReadAgent(reader),
            Reboot = ReadReboot(reader),
            Daemon = ReadDaemon(reader),
            Steps = StepsSectionReader.Read(reader),
            Commands = CommandsSectionReader.Read(reader),
            Events = ReadEvents(reader),
            Tools = ReadTools(reader),
        };
        config = label is null ? config : config with { Label = label };
        config = config with { Steps = CommandLineToolsReader.WithDefault(config.Steps, config.Platform) };

        StepDataFlowRules.Check(config.Steps, errors);
        PlatformRules.Check(config, errors);
        CommandGraphRules.Check(config, errors);
        if (reader.IsAbsentOrEmpty("steps") && reader.IsAbsentOrEmpty("commands"))
        {
            errors.Add("steps", "nothing to do; add a step under steps or commands");
        }

        return config;
    }

    private static AgentConfig ReadAgent(JsonObjectReader root)
    {
        var agent = root.RequiredObject("agent",
            "add \"agent\": { \"user\": \"claude\", \"home\": \"/Users/claude\" }", ConfigObjectShape.Agent);
        return new AgentConfig
        {
            User = agent?.RequiredString("user", "set it to the agent's short user name such as claude",
                FieldRules.UserName) ?? "",
            Home = agent?.RequiredString("home", "set it to the agent's home directory such as /Users/claude",
                HostPathRule.For("/Users/claude")) ?? "",
        };
    }

    private static RebootConfig ReadReboot(JsonObjectReader root)
    {
        var reboot = root.OptionalObject("reboot", "write it as an object such as { \"mode\": \"auto\" }",
            ConfigObjectShape.Reboot);
        if (reboot is null)
        {
            return RebootDefaults;
        }

        var mode = reboot.OptionalString("mode", "set it to \"auto\" or \"manual\"", FieldRules.OneOf("auto", "manual"));
        return new RebootConfig
        {
            Mode = mode == "manual" ? RebootMode.Manual : RebootMode.Auto,
            MaxBootsWithoutProgress = reboot.Int("maxBootsWithoutProgress", RebootDefaults.MaxBootsWithoutProgress, 1, 20),
            MaxRebootsPerStep = reboot.Int("maxRebootsPerStep", RebootDefaults.MaxRebootsPerStep, 1, 10),
            MaxReboots = reboot.Int("maxReboots", RebootDefaults.MaxReboots, 1, 50),
            // A reboot that has not come within an hour will not come: run exits and launchd asks again.
            ShutdownGrace = reboot.Duration("shutdownGrace", RebootDefaults.ShutdownGrace, longest: TimeSpan.FromHours(1)),
        };
    }

    private static DaemonConfig ReadDaemon(JsonObjectReader root)
    {
        var daemon = root.OptionalObject("daemon", "write it as an object such as { \"throttleIntervalSeconds\": 10 }",
            ConfigObjectShape.Daemon);
        return daemon is null
            ? DaemonDefaults
            : new DaemonConfig
            {
                ThrottleIntervalSeconds = daemon.Int("throttleIntervalSeconds", DaemonDefaults.ThrottleIntervalSeconds, 1, 3600),
                MaxCrashesPerBoot = daemon.Int("maxCrashesPerBoot", DaemonDefaults.MaxCrashesPerBoot, 1, 100),
            };
    }

    private static EventsConfig? ReadEvents(JsonObjectReader root)
    {
        const string UrlFix = "set it to an absolute http or https URL such as https://conductor.example/api/events";
        var events = root.OptionalObject("events", $"write it as an object with a url; {UrlFix}", ConfigObjectShape.Events);
        var url = events?.RequiredString("url", UrlFix, FieldRules.HttpUrl);
        var deliverFor = events?.Duration("deliverFor", EventsConfig.DefaultDeliverFor, longest: EventsConfig.LongestDeliverFor) ?? EventsConfig.DefaultDeliverFor;
        return url is not null && FieldRules.HttpUrl(url) is null ? new EventsConfig { Url = new Uri(url), DeliverFor = deliverFor } : null;
    }

    private static ImmutableDictionary<string, string> ReadTools(JsonObjectReader root)
    {
        var tools = root.OptionalObject("tools", "map tool names to absolute paths, such as { \"git\": \"/usr/bin/git\" }",
            ConfigObjectShape.Tools);
        var table = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in tools?.FieldNames ?? [])
        {
            var path = tools!.RequiredString(name, $"set it to the absolute path of {name}, such as /usr/bin/{name}",
                HostPathRule.For($"/usr/bin/{name}"));
            if (path is not null)
            {
                table[name] = path;
            }
        }

        return table.ToImmutable();
    }
}
