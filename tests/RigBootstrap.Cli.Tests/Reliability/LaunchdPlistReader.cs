using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Reads a LaunchDaemon plist the way launchd would have to: through the real plistutil (libplist), then the XML it
/// writes back. A plist that plistutil refuses, or that lacks Label or ProgramArguments, fails the test.
/// </summary>
public static class LaunchdPlistReader
{
    public static async Task<LaunchdJob> ReadAsync(string plistFilePath, string scratchDirPath)
    {
        // RoundTripAsync goes XML → binary → XML, so a plist that is not a plist never reaches the parse below.
        var document = await Plistutil.RoundTripAsync(plistFilePath, scratchDirPath);
        var top = document.Root?.Element("dict") ?? throw new InvalidDataException($"{plistFilePath}: no top-level dict");
        var keys = ReadDict(top);

        var arguments = keys.TryGetValue("ProgramArguments", out var array) && array.Name == "array"
            ? array.Elements("string").Select(s => s.Value).ToImmutableArray()
            : throw new InvalidDataException($"{plistFilePath}: ProgramArguments is missing or not an array of strings");
        var environment = keys.TryGetValue("EnvironmentVariables", out var env) && env.Name == "dict"
            ? ReadDict(env).ToImmutableDictionary(pair => pair.Key, pair => pair.Value.Value)
            : ImmutableDictionary<string, string>.Empty;
        var keepAlive = keys.GetValueOrDefault("KeepAlive");
        var restartOnFailure = keepAlive?.Name == "dict" &&
            ReadDict(keepAlive).TryGetValue("SuccessfulExit", out var successfulExit) && successfulExit.Name == "false";

        return new LaunchdJob
        {
            Label = keys.TryGetValue("Label", out var label) ? label.Value : throw new InvalidDataException($"{plistFilePath}: no Label"),
            ProgramArguments = arguments,
            EnvironmentVariables = environment,
            WorkingDirectory = keys.GetValueOrDefault("WorkingDirectory")?.Value,
            StandardOutPath = keys.GetValueOrDefault("StandardOutPath")?.Value,
            StandardErrorPath = keys.GetValueOrDefault("StandardErrorPath")?.Value,
            RunAtLoad = keys.GetValueOrDefault("RunAtLoad")?.Name == "true",
            RestartOnFailure = restartOnFailure,
            StartInterval = keys.TryGetValue("StartInterval", out var interval)
                ? TimeSpan.FromSeconds(int.Parse(interval.Value, CultureInfo.InvariantCulture))
                : null,
            ThrottleInterval = keys.TryGetValue("ThrottleInterval", out var throttle)
                ? TimeSpan.FromSeconds(int.Parse(throttle.Value, CultureInfo.InvariantCulture))
                : TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>A plist dict alternates key elements and value elements.</summary>
    private static Dictionary<string, XElement> ReadDict(XElement dict)
    {
        var result = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var key in dict.Elements("key"))
        {
            if (key.ElementsAfterSelf().FirstOrDefault() is { } value)
            {
                result[key.Value] = value;
            }
        }

        return result;
    }
}
