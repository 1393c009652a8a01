namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Classifies <c>softwareupdate --install &lt;label&gt;</c> output for the Command Line Tools (stdout and stderr together).</summary>
public static class CommandLineToolsInstallOutput
{
    public static CommandLineToolsInstallOutcome Classify(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !IsNoise(line)).ToList();
        if (lines.Any(line => line.EndsWith(": No such update", StringComparison.Ordinal)))
        {
            return CommandLineToolsInstallOutcome.NoSuchUpdate;
        }

        // El Capitan and Sequoia alike end with "Done with <title>" and then "Done." (fixtures softwareupdate-install-clt-*).
        return lines.Count >= 2 && lines[^1] == "Done." && lines[^2].StartsWith("Done with ", StringComparison.Ordinal)
            ? CommandLineToolsInstallOutcome.Installed
            : CommandLineToolsInstallOutcome.Unrecognised;
    }

    // softwareupdate's NSLog lines ("… softwareupdate[5131:52164] XType: …") are stderr noise.
    private static bool IsNoise(string line) => line.Contains("softwareupdate[", StringComparison.Ordinal);
}
