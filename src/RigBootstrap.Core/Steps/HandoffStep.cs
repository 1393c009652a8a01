using System.Collections.Immutable;
using System.Globalization;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Hands the host to the fleet agent only when its job has stayed healthy for the whole stability window — health,
/// not the mere presence of a plist (docs/design.md §1.4, §10). On a Mac the job is the agent's LaunchAgent in its user's GUI
/// session (`launchctl print gui/&lt;uid&gt;/&lt;label&gt;`): loaded, and a run since the load exited 0.
/// </summary>
public sealed class HandoffStep : IStep
{
    private const string HealthySinceFact = "healthySince";
    private const string FirstCheckFact = "firstCheckAt";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    private readonly HandoffConfig _config;
    private readonly IServiceManager _launchd;
    private readonly TimeProvider _time;
    private readonly AgentHealth _health;

    public HandoffStep(
        HandoffConfig config, ImmutableArray<string> dependsOn, IServiceManager launchd, TimeProvider time,
        AgentHealth health = AgentHealth.RunningOrExitedClean)
    {
        _config = config;
        _health = health;
        _launchd = launchd;
        _time = time;
        DependsOn = dependsOn;
        Traits = new StepTraits { Description = $"hand off once {config.AgentLabel} is healthy for {config.StableFor}", MaxAttempts = 3 };
    }

    public string Id => WorkflowDefinition.HandoffStepId;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var firstCheck = ReadTime(context, FirstCheckFact) ?? now;
        if (!context.Facts.ContainsKey(FirstCheckFact))
        {
            await context.SetFactAsync(FirstCheckFact, Format(now), cancellationToken);
        }

        ServiceStatus? status = null;
        string? lookupProblem = null;
        try
        {
            status = await _launchd.GetStatusAsync(_config.AgentLabel, cancellationToken);
        }
        catch (ServiceManagerException ex) when (ex.IsNoGuiSession)
        {
            // No GUI session for the agent's user yet (gui/<uid> does not exist): wait like for a job not loaded.
            lookupProblem = ex.Message;
        }

        if (!IsHealthy(status))
        {
            if (context.Facts.ContainsKey(HealthySinceFact))
            {
                await context.SetFactAsync(HealthySinceFact, null, cancellationToken);
            }

            var problem = lookupProblem ?? (status is null
                ? $"{_config.AgentLabel} is not loaded in launchd"
                : $"{_config.AgentLabel} is loaded but not healthy (state {status.State ?? "unknown"}, runs {status.Runs?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, "
                  + $"last exit code {status.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}"
                  + (_health == AgentHealth.ExitedCleanSinceLoad ? "; a run since the load must exit 0)" : ")"));
            if (now - firstCheck >= _config.Timeout)
            {
                await context.SetFactAsync(FirstCheckFact, null, cancellationToken);
                return new ApplyResult.Fail($"{problem} after {_config.Timeout}; check the agent's logs, then retry handoff", Retryable: false);
            }

            return new ApplyResult.WaitUntil($"waiting for the agent: {problem}", TimeSpan.FromSeconds(10));
        }

        var healthySince = ReadTime(context, HealthySinceFact);
        if (healthySince is null)
        {
            healthySince = now;
            await context.SetFactAsync(HealthySinceFact, Format(now), cancellationToken);
        }

        var remaining = _config.StableFor - (now - healthySince.Value);
        if (remaining > TimeSpan.Zero)
        {
            var wait = remaining < PollInterval ? remaining : PollInterval;
            return new ApplyResult.WaitUntil($"{_config.AgentLabel} healthy since {healthySince:u}; must stay healthy for {_config.StableFor}", wait);
        }

        return ApplyResult.Succeeded;
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        string? problem = null;
        try
        {
            if (IsHealthy(await _launchd.GetStatusAsync(_config.AgentLabel, cancellationToken)))
            {
                return VerifyResult.Passed;
            }
        }
        catch (ServiceManagerException ex) when (ex.IsNoGuiSession)
        {
            // The agent's user logged out at the end of the window: gui/<uid> is gone with its agent.
            problem = ex.Message;
        }

        // The next attempt must see a whole new window, not the one this failure just ended.
        await context.SetFactAsync(HealthySinceFact, null, cancellationToken);
        return VerifyResult.Failed($"{_config.AgentLabel} stopped being healthy at the end of the window{(problem is null ? "" : $": {problem}")}");
    }

    private bool IsHealthy(ServiceStatus? status) =>
        status is not null && (_health == AgentHealth.ExitedCleanSinceLoad ? status.HasExitedCleanSinceLoad : status.IsHealthy);

    private static DateTimeOffset? ReadTime(StepContext context, string key) =>
        context.Facts.TryGetValue(key, out var text) ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
