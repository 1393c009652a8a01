namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What a failed <c>launchctl</c> call means for the caller, from its exit code and stderr.</summary>
public enum LaunchctlErrorKind
{
    /// <summary>Anything not recognised below.</summary>
    Other,

    /// <summary>113, <c>Could not find service "…" in domain for …</c>: the label is not loaded.</summary>
    NotLoaded,

    /// <summary>5, <c>Input/output error</c>: still loaded, still draining after a bootout, or disabled; retry with a deadline.</summary>
    TransientIo,

    /// <summary>119, <c>Service is disabled</c>: a disabled override, which survives reboots and reinstalls.</summary>
    Disabled,

    /// <summary>3, <c>No such process</c>: already stopped, which counts as success for an idempotent stop.</summary>
    AlreadyStopped,

    /// <summary><c>Path had bad ownership/permissions</c>: the plist is not root-owned or is group/world-writable.</summary>
    BadPermissions,

    /// <summary>37, <c>Operation already in progress</c>: seen after a back-to-back bootstrap and kickstart.</summary>
    AlreadyInProgress,

    /// <summary>
    /// 125, <c>Domain does not support specified action</c>: a gui/&lt;uid&gt; domain whose user is not logged in at the
    /// GUI (no Aqua session), so nothing can be bootstrapped into it yet.
    /// </summary>
    NoGuiSession,
}
