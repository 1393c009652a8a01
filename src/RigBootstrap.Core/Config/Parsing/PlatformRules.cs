namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Refuses macOS-only built-in steps in a config for a Linux host (issue: Linux hosts under systemd).</summary>
internal static class PlatformRules
{
    public static void Check(BootstrapConfig config, ConfigErrorList errors)
    {
        if (config.Platform != HostPlatform.Linux)
        {
            return;
        }

        var steps = config.Steps;
        foreach (var (present, section) in new[]
        {
            (steps.Keychain is not null, "keychain"),
            (steps.CommandLineTools is not null, "commandLineTools"),
            (steps.Xcode is not null, "xcode"),
            (steps.Autologin is not null, "autologin"),
            (steps.Tcc is not null, "tcc"),
            (steps.OsUpgrade is not null, "osUpgrade"),
        })
        {
            if (present)
            {
                errors.Add($"steps.{section}",
                    $"steps.{section} is macOS-only, but platform is \"linux\"; remove steps.{section}, or set platform to \"macos\"");
            }
        }
    }
}
