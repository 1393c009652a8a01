namespace RigBootstrap.Core.Workflow;

/// <summary>The "what happens next" texts operators read in status, in one place so they stay consistent.</summary>
public static class Remedies
{
    public static string ForHalt(string stepId) =>
        $"operator action needed: fix the cause, then run `rig-bootstrap retry {stepId}` (the daemon, state and journal are kept)";

    public static string ForManualReboot(IEnumerable<string> stepIds) =>
        $"restart the host when convenient (reboot.mode is manual); after the boot {string.Join(", ", stepIds)} will be verified";

    public static string AfterReboot(IEnumerable<string> stepIds) =>
        $"after the boot, verify {string.Join(", ", stepIds)} and continue";
}
