using System.Collections.Immutable;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// A TCC policy source on the simulated Mac: an XML plist file read directly and parsed by the macOS parser, where
/// the real Mac needs plutil (MDMOverrides.plist) or the profiles tool.
/// </summary>
public sealed class SimulatedPolicyFile(string name, string path, Func<PlistValue, ImmutableArray<TccPolicyEntry>> parse, bool absentIsEmpty) : ITccPolicySource
{
    public string Name => name;

    public async Task<TccSourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            // The profiles tool lists nothing when no profile is installed; a missing MDMOverrides.plist is "not yet".
            return absentIsEmpty ? new TccSourceReading.Read([]) : new TccSourceReading.Absent($"{path} does not exist: tccd has applied no PPPC profile yet");
        }

        try
        {
            return new TccSourceReading.Read(parse(PlistReader.Parse(await File.ReadAllTextAsync(path, cancellationToken))));
        }
        catch (FormatException ex)
        {
            return new TccSourceReading.Unreadable($"{path} is not a plist rig-bootstrap can read: {ex.Message}");
        }
    }
}
