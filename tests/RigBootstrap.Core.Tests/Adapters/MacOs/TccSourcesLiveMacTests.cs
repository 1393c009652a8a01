using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>
/// The two MDM readers against the live tools of a real Mac, as root (the real-mac workflow runs the LiveMac
/// category with RIG_BOOTSTRAP_LIVE_MAC=1; elsewhere these are skipped, never passed): what docs/tcc.md lists as
/// unverified on Linux.
/// </summary>
[Trait("Category", "LiveMac")]
public sealed class TccSourcesLiveMacTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);
    private readonly ToolTable _tools = new(null, ImmutableDictionary<string, string>.Empty);

    [LiveMacFact]
    public async Task The_live_profiles_listing_reads_as_a_plist_of_computer_level_profiles()
    {
        // Act
        var reading = await new ProfilesListing(_runner, _tools).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Read>("root reads `profiles show -output stdout-xml` without Full Disk Access: {0}", reading);
    }

    [LiveMacFact]
    public async Task The_live_MDMOverrides_plist_is_read_absent_or_refused_for_Full_Disk_Access_never_misparsed()
    {
        // Act
        var reading = await new MdmOverridesFile(_runner, _tools, HostPaths.ForRoot("/")).ReadAsync(CancellationToken.None);

        // Assert
        (reading is TccSourceReading.Read or TccSourceReading.Absent
            || (reading is TccSourceReading.Unreadable unreadable && unreadable.Problem.Contains("Full Disk Access", StringComparison.Ordinal)))
            .Should().BeTrue($"plutil's output must parse, and a refusal must be told as missing Full Disk Access: {reading}");
    }

    /// <summary>A fact that runs only on a real Mac with RIG_BOOTSTRAP_LIVE_MAC=1, and is reported skipped elsewhere.</summary>
    private sealed class LiveMacFactAttribute : FactAttribute
    {
        public LiveMacFactAttribute()
        {
            Timeout = 120000;
            if (!OperatingSystem.IsMacOS() || Environment.GetEnvironmentVariable("RIG_BOOTSTRAP_LIVE_MAC") != "1")
            {
                Skip = "runs only on a real Mac with RIG_BOOTSTRAP_LIVE_MAC=1 (the real-mac workflow)";
            }
        }
    }
}
