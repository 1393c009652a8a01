using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// Drives the workflow forward from the persisted state until it completes, halts, or needs a reboot
/// (docs/design.md §1.2, §3). Sleeps in-process while steps wait, so launchd never has to respawn it for that.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly WorkflowDefinition _definition;
    private readonly EngineOptions _options;
    private readonly IPower _power;
    private readonly HandoffCleanup _cleanup;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StepExecutor _executor;

    public WorkflowEngine(WorkflowDefinition definition, EngineOptions options, IPower power, HandoffCleanup cleanup, TimeProvider time, ILogger logger)
    {
        _definition = definition;
        _options = options;
        _power = power;
        _cleanup = cleanup;
        _time = time;
        _logger = logger;
        _executor = new StepExecutor(options, logger);
    }

    public async Task<RunOutcome> RunAsync(StateSession session, string bootId, int pid, CancellationToken cancellationToken)
    {
        var runType = new RunStarter(_definition, _options).Start(session, bootId, pid);
        _logger.LogInformation("Run started: {RunType} in boot {BootId}", runType, bootId);
        var outcome = await DriveAsync(session, bootId, cancellationToken);
        if (outcome != RunOutcome.Completed)
        {
            // A clean end of this run: the next start in this boot is not a crash.
            new StateChange(session).Update(s => s with { Run = s.Run! with { Active = false } }).Note("run-ended", outcome.ToString()).Commit();
        }

        return outcome;
    }

    private async Task<RunOutcome> DriveAsync(StateSession session, string bootId, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (session.Current.Workflow.State)
            {
                case WorkflowState.Halted:
                    return RunOutcome.Halted;
                case WorkflowState.Completed:
                    await _cleanup.FinishAsync(session, cancellationToken);
                    return RunOutcome.Completed;
            }

            var decision = StepScheduler.Decide(_definition, session.Current, bootId, session.Now);
            switch (decision)
            {
                case SchedulerDecision.RunStep run:
                    await _executor.ExecuteAsync(session, _definition.Step(run.StepId), cancellationToken);
                    break;
                case SchedulerDecision.WaitUntil wait:
                    await WaitAsync(session, wait, cancellationToken);
                    break;
                case SchedulerDecision.Reboot reboot:
                    return await RequestRebootAsync(session, reboot, bootId, cancellationToken);
                case SchedulerDecision.Complete:
                    Complete(session);
                    break;
                case SchedulerDecision.Stuck stuck:
                    new StateChange(session).WorkflowIfPossible(WorkflowTrigger.Halt, stuck.Reason, Remedies.ForHalt(FirstUnfinished(session))).Commit();
                    break;
            }
        }
    }

    private async Task WaitAsync(StateSession session, SchedulerDecision.WaitUntil wait, CancellationToken cancellationToken)
    {
        var next = $"checks again at {wait.Until:u}";
        if (session.Current.Workflow.State != WorkflowState.Waiting || session.Current.Workflow.Reason != wait.Reason)
        {
            new StateChange(session)
                .Workflow(WorkflowTrigger.Wait, wait.Reason, next)
                .Commit();
        }

        var delay = wait.Until - session.Now;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    private async Task<RunOutcome> RequestRebootAsync(StateSession session, SchedulerDecision.Reboot reboot, string bootId, CancellationToken cancellationToken)
    {
        var state = session.Current;
        var steps = string.Join(", ", reboot.ForSteps);
        if (state.Reboot is { SelfInitiated: true } selfReboot && selfReboot.BootId == bootId)
        {
            // A step's own command is restarting the host; asking shutdown too would only race it. If the host is still
            // up when this run is started again, the intent is no longer self-initiated and the engine asks itself.
            new StateChange(session)
                .Workflow(WorkflowTrigger.RequestReboot, $"{string.Join(", ", selfReboot.ForSteps)} is restarting the host", Remedies.AfterReboot(reboot.ForSteps))
                .Update(s => s with { Reboot = selfReboot with { SelfInitiated = false } })
                .Commit();
            return RunOutcome.RebootRequested;
        }

        var attempts = state.Reboot is { } intent && intent.BootId == bootId ? intent.Attempts + 1 : 1;
        string? halt = null;
        if (!_options.ManualReboot && attempts > _options.MaxRebootRequestsPerBoot)
        {
            halt = $"asked for a reboot {attempts - 1} times in this boot (for {steps}) but the host did not restart; reboot it by hand or check the shutdown tool";
        }
        else if (attempts == 1 && state.Boots.RebootsRequested >= _options.MaxReboots)
        {
            halt = $"reached the reboot budget: {state.Boots.RebootsRequested} reboots requested (reboot.maxReboots = {_options.MaxReboots}); {steps} still need one";
        }

        if (halt is not null)
        {
            new StateChange(session).Workflow(WorkflowTrigger.Halt, halt, Remedies.ForHalt(reboot.ForSteps[0])).Commit();
            return RunOutcome.Halted;
        }

        var record = new RebootIntent { ForSteps = reboot.ForSteps, BootId = bootId, RequestedAt = session.Now, Attempts = attempts };
        var reason = _options.ManualReboot ? $"reboot needed for {steps}" : $"rebooting for {steps}";
        var next = _options.ManualReboot ? Remedies.ForManualReboot(reboot.ForSteps) : Remedies.AfterReboot(reboot.ForSteps);
        // Persist the intent before the reboot call (docs/design.md §10): the next boot checks that it happened.
        new StateChange(session)
            .Workflow(WorkflowTrigger.RequestReboot, reason, next)
            .Update(s => s with
            {
                Reboot = record,
                Boots = s.Boots with { RebootsRequested = s.Boots.RebootsRequested + (attempts == 1 && !_options.ManualReboot ? 1 : 0) },
            })
            .Note("reboot-requested", _options.ManualReboot ? $"{reason}; waiting for a person (reboot.mode manual)" : $"{reason} (request {attempts})")
            .Commit();
        if (_options.ManualReboot)
        {
            return RunOutcome.AwaitingManualReboot;
        }

        await _power.RebootAsync(reason, cancellationToken);
        return RunOutcome.RebootRequested;
    }

    private void Complete(StateSession session)
    {
        var agent = session.Current.Handoff?.AgentLabel;
        new StateChange(session)
            .Workflow(WorkflowTrigger.BeginHandoff, "every step is done; handing off", "record Completed, then remove the daemon")
            .Commit();
        // docs/invariants.md I8: Completed is durable before anything of ours is removed.
        new StateChange(session)
            .Workflow(WorkflowTrigger.Complete, agent is null ? "every step is done" : $"handed off to {agent}", "nothing: the fleet agent owns the host")
            .Update(s => s with { Handoff = s.Handoff is null ? null : s.Handoff with { VerifiedAt = s.Handoff.VerifiedAt ?? session.Now } })
            .Commit();
    }

    private static string FirstUnfinished(StateSession session) =>
        session.Current.Steps.FirstOrDefault(s => !s.IsDone)?.Id ?? WorkflowDefinition.HandoffStepId;
}
