using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The operator of <see cref="MacFleet"/>, played from the state file as a person reads `rig-bootstrap status`:
/// while `secrets` waits for the host's age recipient, each boot ends in a power-cycle (someone restarts the host);
/// from boot <c>registerAtBoot</c> on, the operator first registers the recipient (`sops updatekeys`), then restarts
/// the host rather than wait for the step's back-off.
/// </summary>
public sealed class FleetOperator(TempHost host, MacFleet fleet, BootHarness harness, int registerAtBoot)
{
    private string? _lastBootIdActedIn;

    /// <summary>The boots in which the operator found `secrets` waiting for the recipient.</summary>
    public List<int> BootsWaitingForRecipient { get; } = [];

    /// <summary>For <see cref="BootHarness.Operator"/>: true when the host is to be power-cycled now.</summary>
    public async Task<bool> ActAsync()
    {
        fleet.ObserveHostKey();
        if (ReadWaitingRecipient() is not var (bootId, recipient) || bootId == _lastBootIdActedIn)
        {
            return false;
        }

        _lastBootIdActedIn = bootId;
        BootsWaitingForRecipient.Add(harness.Boots);
        if (harness.Boots >= registerAtBoot && !fleet.RegisteredRecipients.Contains(recipient))
        {
            await fleet.RegisterRecipientAsync(recipient);
        }

        return true;
    }

    /// <summary>
    /// The boot and the recipient when `secrets` has waited for it in the current boot (a Waiting left over from the
    /// boot before is not news); null otherwise, or when the state file is caught mid-rename (read again next tick).
    /// </summary>
    private (string BootId, string Recipient)? ReadWaitingRecipient()
    {
        try
        {
            using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
            var root = state.RootElement;
            var bootId = root.GetProperty("bootId").GetString();
            var waitingThisBoot = root.GetProperty("steps").EnumerateArray().Any(s =>
                s.GetProperty("id").GetString() == "secrets" && s.GetProperty("state").GetString() == "Waiting" && s.GetProperty("bootId").GetString() == bootId);
            return waitingThisBoot && bootId is not null && root.GetProperty("ageRecipient").GetString() is { } recipient
                ? (bootId, recipient)
                : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }
}
