using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The fleet's MDM with a software-update enforcement declaration for <see cref="MacFleet"/>'s Mac: at its target
/// time it installs the macOS update and restarts the host, on its own schedule, not at rig-bootstrap's request. The
/// target time is modelled as the moment the host reports (its state file, as a Jamf extension attribute would) that
/// os-upgrade waits for the MDM and no other step waits for anything a boot does not bring (the fleet's operators
/// set TargetLocalDateTime after the first boot's work, docs/os-upgrade.md). It acts once, then never again.
/// </summary>
public sealed class FleetUpdateMdm(TempHost host, string version, string build)
{
    // keychain waits for the login keychain that the boot's autologin creates; it holds nothing back.
    private static readonly string[] WaitsForABoot = ["os-upgrade", "keychain"];

    public int RestartsMade { get; private set; }

    /// <summary>For <see cref="BootHarness.Operator"/>: true when the MDM has staged the update and restarts the host now.</summary>
    public Task<bool> ActAsync()
    {
        if (RestartsMade > 0 || !TargetTimeReached())
        {
            return Task.FromResult(false);
        }

        // What the installer stages during the enforced update; the boot harness's power-on makes it the running OS.
        host.WriteToolFile("softwareupdate.pending", $"{version} {build}\n");
        RestartsMade++;
        return Task.FromResult(true);
    }

    private bool TargetTimeReached()
    {
        try
        {
            using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
            var root = state.RootElement;
            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            var upgrade = steps.FirstOrDefault(s => s.GetProperty("id").GetString() == "os-upgrade");
            return root.GetProperty("workflow").GetProperty("state").GetString() == "Waiting"
                && upgrade.ValueKind == JsonValueKind.Object
                && upgrade.GetProperty("state").GetString() == "Waiting"
                && upgrade.TryGetProperty("facts", out var facts) && facts.TryGetProperty("mdm-wait-since", out _)
                && steps.Where(s => s.GetProperty("state").GetString() == "Waiting").All(s => WaitsForABoot.Contains(s.GetProperty("id").GetString()));
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Caught mid-rename, or before install: look again at the next tick.
            return false;
        }
    }
}
