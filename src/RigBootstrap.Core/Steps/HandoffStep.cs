using System.Collections.Immutable;
using System.Globalization;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Hands the host to the fleet agent only when its launchd job has stayed healthy (loaded, and running or last
/// exit 0) for the whole stability window — health, not the mere presence of a plist (DESIGN §1.4, §10).
/// </summary>
public sealed class HandoffStep : IStep
{
    private const string HealthySinceFact = "healthySince";
    private const string FirstCheckFact = "firstCheckAt";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    private readonly HandoffConfig _config;
    private readonly IServiceManager _launchd;
    private readonly TimeProvider _time;

    public HandoffStep(HandoffConfig config, ImmutableArray<string> dependsOn, IServiceManager launchd, TimeProvider time)
    {
        _config = config;
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

        var status = await _launchd.GetStatusAsync(_config.AgentLabel, cancellationToken);
        if (status is not { IsHealthy: true })
        {
            if (context.Facts.ContainsKey(HealthySinceFact))
            {
                await context.SetFactAsync(HealthySinceFact, null, cancellationToken);
            }

            var problem = status is null
                ? $"{_config.AgentLabel} is not loaded in launchd"
                : $"{_config.AgentLabel} is loaded but not healthy (state {status.State ?? "unknown"}, last exit code {status.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})";
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
        var status = await _launchd.GetStatusAsync(_config.AgentLabel, cancellationToken);
        if (status is { IsHealthy: true })
        {
            return VerifyResult.Passed;
        }

        // The next attempt must see a whole new window, not the one this failure just ended.
        await context.SetFactAsync(HealthySinceFact, null, cancellationToken);
        return VerifyResult.Failed($"{_config.AgentLabel} stopped being healthy at the end of the window");
    }

    private static DateTimeOffset? ReadTime(StepContext context, string key) =>
        context.Facts.TryGetValue(key, out var text) ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
