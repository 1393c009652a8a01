using System.Reflection;

namespace RigBootstrap.Cli;

/// <summary>The binary's version, recorded in the state file.</summary>
public static class AppVersion
{
    public static string Current { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
