using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Reads the PPPC payloads of the installed configuration profiles with <c>/usr/bin/profiles show -output
/// stdout-xml</c>, which root may run without Full Disk Access (Microsoft's analyze_profiles.py runs
/// <c>profiles show -output</c>; fleetdm/fleet's orbit runs the older spelling <c>profiles -C -o stdout-xml</c>).
/// </summary>
public sealed class ProfilesListing : ITccPolicySource
{
    /// <summary>A listing of many profiles is large; more than this is refused rather than read in part.</summary>
    public const int MaxOutputBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(60);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;

    public ProfilesListing(IProcessRunner runner, ToolTable tools)
    {
        _runner = runner;
        _tools = tools;
    }

    public string Name => "the installed profiles";

    public static ImmutableArray<string> Arguments { get; } = ["show", "-output", "stdout-xml"];

    public async Task<TccSourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var spec = ToolCall.Spec(_tools, ToolNames.Profiles, Arguments, ListTimeout) with { OutputTailBytes = MaxOutputBytes };
        ProcessResult result;
        try
        {
            result = await _runner.RunAsync(spec, cancellationToken);
        }
        catch (ProcessStartException ex)
        {
            return new TccSourceReading.Unreadable($"profiles could not be started ({ex.Message}); point the tool table's profiles at /usr/bin/profiles");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (result.TimedOut)
        {
            return new TccSourceReading.Unreadable($"profiles show did not finish within {ListTimeout.TotalSeconds:0} s and was stopped; run it by hand to see where it hangs");
        }

        if (result.ExitCode != 0)
        {
            return new TccSourceReading.Unreadable($"profiles show exited with {result.ExitCode}: {ToolOutputExcerpt.Of(result.StderrTail)}; it lists computer-level profiles only when run as root");
        }

        if (result.StdoutTruncated)
        {
            return new TccSourceReading.Unreadable($"profiles show printed more than {MaxOutputBytes / (1024 * 1024)} MiB, more than rig-bootstrap reads");
        }

        try
        {
            return new TccSourceReading.Read(PppcProfilesParser.Parse(PlistReader.Parse(result.StdoutTail)));
        }
        catch (FormatException ex)
        {
            return new TccSourceReading.Unreadable($"profiles show printed something rig-bootstrap cannot read: {ex.Message}");
        }
    }
}
