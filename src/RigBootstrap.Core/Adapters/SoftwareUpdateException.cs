
namespace RigBootstrap.Core.Adapters;

/// <summary>`sw_vers` or `softwareupdate` failed; the message says what happened and how to fix it, never a password.</summary>
public sealed class SoftwareUpdateException(SoftwareUpdateInstallOutcome outcome, string message) : Exception(message)
{
    /// <summary>What an install's output said; <see cref="SoftwareUpdateInstallOutcome.Unrecognised"/> for every other failure.</summary>
    public SoftwareUpdateInstallOutcome Outcome { get; } = outcome;

    /// <summary>True when running again later may succeed without anyone changing anything.</summary>
    public bool Retryable => Outcome is SoftwareUpdateInstallOutcome.Unrecognised or SoftwareUpdateInstallOutcome.NothingToInstall
        or SoftwareUpdateInstallOutcome.NoRestart;
}
