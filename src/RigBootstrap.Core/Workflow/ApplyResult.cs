using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>The expected outcomes of a step's apply, as values (docs/style.md 7): a closed hierarchy.</summary>
public abstract record ApplyResult
{
    private ApplyResult()
    {
    }

    public static ApplyResult Succeeded { get; } = new Done();

    /// <summary>The work is done; verify next.</summary>
    public sealed record Done : ApplyResult;

    /// <summary>The work takes effect only after a reboot; the engine parks the step and coalesces reboots.</summary>
    public sealed record NeedsReboot(string Reason) : ApplyResult;

    /// <summary>Something outside our control must happen first (a recipient registered, a profile installed).</summary>
    public sealed record WaitUntil(string Reason, TimeSpan RetryAfter) : ApplyResult
    {
        /// <summary>Work the step runs in the background meanwhile (a download), shown on its status row.</summary>
        public StepProgress? Progress { get; init; }
    }

    /// <summary>The step failed; retryable failures are retried with back-off up to the step's attempt budget.</summary>
    public sealed record Fail(string Reason, bool Retryable) : ApplyResult;
}
