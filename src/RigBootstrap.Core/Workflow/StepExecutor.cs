using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// Runs one step with write-ahead persistence (docs/design.md §3.3): `Running` with attempt and boot id before the
/// work, the outcome after it, `Succeeded` only after verify. Crash anywhere and the next run probes again.
/// </summary>
public sealed class StepExecutor
{
    private readonly EngineOptions _options;
    private readonly ILogger _logger;

    public StepExecutor(EngineOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    public async Task ExecuteAsync(StateSession session, IStep step, CancellationToken cancellationToken)
    {
        var record = session.Current.Step(step.Id);
        var afterReboot = record.State == StepState.AwaitingReboot;
        // Waiting and a reboot's verification are not new tries; a start, a retry and a crashed try are.
        var countsAsTry = record.State is StepState.Pending or StepState.Failed or StepState.Running;
        var attempt = countsAsTry ? record.Attempts + 1 : Math.Max(record.Attempts, 1);
        if (countsAsTry && attempt > step.Traits.MaxAttempts)
        {
            Halt(session, step.Id, $"step {step.Id} did not succeed in {record.Attempts} attempts; last error: {record.LastError ?? "the run died during the step"}");
            return;
        }

        var reason = afterReboot ? "verifying after the reboot"
            : record.State == StepState.Running ? $"resuming (attempt {attempt}): the previous run stopped during this step"
            : record.State == StepState.Waiting ? "checking again"
            : $"attempt {attempt} of {step.Traits.MaxAttempts}";
        var change = new StateChange(session)
            .Step(step.Id, StepTrigger.Start, reason, r => r with
            {
                Attempts = attempt,
                BootId = session.Current.BootId,
                StartedAt = session.Now,
                FinishedAt = null,
                WaitingFor = null,
                NextCheck = null,
            });
        // Checking a waiting step again is part of the workflow's wait, not a move of the workflow: it stays Waiting
        // unless the check ends the wait, and the next real move (another step, a reboot, the handoff, a halt) leaves
        // Waiting directly, one journal entry and one event (docs/adr/0004-stateless.md).
        if (!(record.State == StepState.Waiting && session.Current.Workflow.State == WorkflowState.Waiting))
        {
            change.WorkflowIfPossible(WorkflowTrigger.Start, $"running step {step.Id}", $"finish {step.Id}, then continue");
        }

        change.Commit();

        var context = CreateContext(session, step.Id, attempt, afterReboot);
        try
        {
            await RunPhasesAsync(session, step, context, afterReboot, firstEverTry: record.Attempts == 0, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PersistencePointCrashException && cancellationToken.IsCancellationRequested)
        {
            // A stop (SIGTERM at shutdown or bootout) killed the step's tool, and the tool family reported that as its own
            // error: the step did not fail, it was stopped. It stays Running for the next run to probe (docs/adr/0006-generic-host.md).
            throw new OperationCanceledException($"step {step.Id} was stopped: {ex.Message}", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PersistencePointCrashException)
        {
            _logger.LogWarning(ex, "Step {StepId} threw", step.Id);
            Fail(session, step, ex.Message, retryable: true);
        }
    }

    private async Task RunPhasesAsync(StateSession session, IStep step, StepContext context, bool afterReboot, bool firstEverTry, CancellationToken cancellationToken)
    {
        if (afterReboot)
        {
            var check = await step.VerifyAsync(context, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (check.Ok)
            {
                Succeed(session, step.Id, "verified after the reboot");
            }
            else
            {
                Fail(session, step, $"still not in place after the reboot: {check.Problem}", retryable: true);
            }

            return;
        }

        var satisfied = await step.ProbeAsync(context, cancellationToken);
        // A result read after a stop may be the stop's doing (a killed tool): nothing is recorded, the next run asks again.
        cancellationToken.ThrowIfCancellationRequested();
        if (satisfied)
        {
            var trigger = firstEverTry ? StepTrigger.FoundSatisfied : StepTrigger.Verified;
            new StateChange(session).Step(step.Id, trigger, "already in place (probe)", r => r with { FinishedAt = session.Now, LastError = null, Progress = null }).Commit();
            return;
        }

        var result = await step.ApplyAsync(context, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        switch (result)
        {
            case ApplyResult.Done:
                var verify = await step.VerifyAsync(context, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                if (verify.Ok)
                {
                    Succeed(session, step.Id, "applied and verified");
                }
                else
                {
                    Fail(session, step, $"applied, but verify failed: {verify.Problem}", retryable: true);
                }

                break;
            case ApplyResult.NeedsReboot needsReboot:
                ParkForReboot(session, step, needsReboot.Reason);
                break;
            case ApplyResult.WaitUntil wait:
                new StateChange(session)
                    .Step(step.Id, StepTrigger.Wait, wait.Reason, r => r with { WaitingFor = wait.Reason, NextCheck = session.Now + wait.RetryAfter, Progress = wait.Progress })
                    .Commit();
                break;
            case ApplyResult.Fail fail:
                Fail(session, step, fail.Reason, fail.Retryable);
                break;
        }
    }

    private void ParkForReboot(StateSession session, IStep step, string reason)
    {
        var reboots = session.Current.Step(step.Id).Reboots + 1;
        if (reboots > _options.MaxRebootsPerStep)
        {
            new StateChange(session)
                .Step(step.Id, StepTrigger.Fail, reason, r => r with { LastError = $"asked for reboot number {reboots}: {reason}", FinishedAt = session.Now })
                .Workflow(WorkflowTrigger.Halt, $"step {step.Id} asked for a reboot {reboots} times (reboot.maxRebootsPerStep = {_options.MaxRebootsPerStep}); no further reboot is requested", Remedies.ForHalt(step.Id))
                .Commit();
            return;
        }

        new StateChange(session)
            .Step(step.Id, StepTrigger.ParkForReboot, reason, r => r with { Reboots = reboots, WaitingFor = $"reboot: {reason}", BootId = session.Current.BootId })
            .Commit();
    }

    private static void Succeed(StateSession session, string stepId, string reason) =>
        new StateChange(session)
            .Step(stepId, StepTrigger.Verified, reason, r => r with { FinishedAt = session.Now, LastError = null, WaitingFor = null, NextCheck = null, Progress = null })
            .Commit();

    private static void Fail(StateSession session, IStep step, string error, bool retryable)
    {
        var record = session.Current.Step(step.Id);
        var exhausted = !retryable || record.Attempts >= step.Traits.MaxAttempts;
        // Exponential back-off from the step's base delay, capped so a host never sleeps for days.
        var backoff = TimeSpan.FromTicks(Math.Min(step.Traits.RetryBackoff.Ticks * (1L << Math.Min(record.Attempts - 1, 10)), TimeSpan.FromHours(1).Ticks));
        var change = new StateChange(session).Step(step.Id, StepTrigger.Fail, error, r => r with
        {
            LastError = error,
            FinishedAt = session.Now,
            NextCheck = exhausted ? null : session.Now + backoff,
            Progress = null,
        });
        if (exhausted)
        {
            var why = retryable ? $"failed {record.Attempts} times" : "failed and cannot be retried automatically";
            change.Workflow(WorkflowTrigger.Halt, $"step {step.Id} {why}: {error}", Remedies.ForHalt(step.Id));
        }

        change.Commit();
    }

    private static void Halt(StateSession session, string stepId, string reason) =>
        new StateChange(session).Workflow(WorkflowTrigger.Halt, reason, Remedies.ForHalt(stepId)).Commit();

    private Task<bool> RecordSelfReboot(StateSession session, string stepId, string reason)
    {
        var state = session.Current;
        if (state.Boots.RebootsRequested >= _options.MaxReboots)
        {
            return Task.FromResult(false);
        }

        var parked = state.Steps.Where(s => s.State == StepState.AwaitingReboot).Select(s => s.Id);
        new StateChange(session)
            .Update(s => s with
            {
                Reboot = new RebootIntent { ForSteps = [stepId, .. parked], BootId = s.BootId, RequestedAt = session.Now, SelfInitiated = true },
                Boots = s.Boots with { RebootsRequested = s.Boots.RebootsRequested + 1 },
            })
            .Note("reboot-requested", $"{stepId} restarts the host by itself: {reason}", stepId)
            .Commit();
        return Task.FromResult(true);
    }

    private StepContext CreateContext(StateSession session, string stepId, int attempt, bool afterReboot) =>
        new(stepId, attempt, session.Current.BootId, afterReboot, session.Current.Step(stepId).Facts, _logger,
            (key, value, _) =>
            {
                new StateChange(session).Update(s => s.WithStep(s.Step(stepId) with
                {
                    Facts = value is null ? s.Step(stepId).Facts.Remove(key) : s.Step(stepId).Facts.SetItem(key, value),
                }) with
                {
                    // The age-key step's public key is the one value operators must act on: lift it to the top level.
                    AgeRecipient = stepId == BuiltInStepIds.AgeKey && key == AgeKeyStep.RecipientFact ? value : s.AgeRecipient,
                }).Commit();
                return Task.CompletedTask;
            },
            (reason, _) => RecordSelfReboot(session, stepId, reason));
}
