using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Install;

/// <summary>Where our service definition lives and what it says, for the platform the config targets.</summary>
public sealed record ServiceDefinitionFile(string Path, string Content)
{
    public static string PathFor(HostPlatform platform, HostPaths paths, string label) =>
        platform == HostPlatform.Linux ? paths.SystemdUnitPath(label) : paths.LaunchDaemonPlistPath(label);

    public static ServiceDefinitionFile For(HostPlatform platform, HostPaths paths, string label, int throttleIntervalSeconds, string? toolsDirPath) =>
        platform == HostPlatform.Linux
            ? new(paths.SystemdUnitPath(label), SystemdUnitWriter.Write(SystemdUnitFactory.Create(paths, throttleIntervalSeconds, toolsDirPath)))
            : new(paths.LaunchDaemonPlistPath(label),
                PlistWriter.Write(DaemonDefinitionFactory.Create(paths, label, throttleIntervalSeconds, toolsDirPath).ToPlist()));
}
