using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Steps;

/// <summary>Whether the configured Xcode archive can be expanded now, as values (docs/style.md 7).</summary>
public abstract record XipReadiness
{
    private XipReadiness()
    {
    }

    /// <summary>The archive is on the host at <paramref name="XipPath"/> (a host path) and its SHA-256 matched.</summary>
    public sealed record Ready(string XipPath, bool Downloaded) : XipReadiness;

    /// <summary>Not yet: a download runs in the background, or the archive has not appeared at its path.</summary>
    public sealed record NotYet(string Reason, TimeSpan CheckAgainIn, StepProgress? Progress) : XipReadiness;

    /// <summary>The archive is unusable (a wrong hash, a dead download); retryable failures count as attempts.</summary>
    public sealed record Unusable(string Reason, bool Retryable) : XipReadiness;
}
