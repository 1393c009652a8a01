using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What <c>sysadminctl -autologin …</c> wrote to stderr, with the NSLog prefixes removed.</summary>
public sealed record SysadminctlAutologinOutput
{
    /// <summary>The code of <c>SACSetAutoLoginPassword error:&lt;code&gt;</c>; null when no such line was printed.</summary>
    public int? SetPasswordErrorCode { get; init; }

    /// <summary>A line said <c>Automatic login is OFF.</c></summary>
    public bool ReportsAutomaticLoginOff { get; init; }

    /// <summary>Every non-empty message, prefix removed, for the step's log.</summary>
    public ImmutableArray<string> Messages { get; init; } = [];

    /// <summary>The error line is the sign of failure: the sample it was read from came with no exit status, so do not trust 0.</summary>
    public bool Failed => SetPasswordErrorCode is not null;
}
