namespace RigBootstrap.Core.Workflow;

/// <summary>How the engine schedules and retries a step.</summary>
public sealed record StepTraits
{
    /// <summary>One line for `plan`, `graph` and `status`.</summary>
    public required string Description { get; init; }

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>May return NeedsReboot.</summary>
    public bool MayNeedReboot { get; init; }

    /// <summary>Its apply restarts the host by itself (os-upgrade): scheduled after every other step of this boot.</summary>
    public bool RebootsItself { get; init; }

    /// <summary>
    /// What it waits for comes with a boot (keychain: the login keychain exists and unlocks only once autologin has
    /// logged its user in), so its waits do not hold back a reboot or a step that reboots the host, as other waits do.
    /// </summary>
    public bool WaitsEndWithABoot { get; init; }

    /// <summary>
    /// Its wait may end with a restart made by someone else (os-upgrade in mdm mode: the MDM's enforced update), so
    /// a boot that comes while it waits is one the workflow expected, not an unexpected reboot.
    /// </summary>
    public bool WaitEndsWithOutsideRestart { get; init; }
}
