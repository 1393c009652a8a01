using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Waits until every configured TCC grant is in place (docs/design.md §4, docs/tcc.md). A PPPC profile's grants are not
/// TCC.db rows: tccd keeps them in MDMOverrides.plist, and the installed profiles list them too, so a grant is
/// satisfied by any of those or by a user-approved TCC.db row. It never writes anything (SIP forbids TCC.db).
/// </summary>
public sealed class TccStep : IStep
{
    /// <summary>How many times the step found a grant missing; drives the back-off across reboots.</summary>
    public const string GrantChecksFact = "grantChecks";

    /// <summary>Which source satisfied each grant, shown by `status` once the step has succeeded.</summary>
    public const string OutcomeFact = StepFacts.Outcome;

    public const string DatabaseSource = "TCC.db";

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    private readonly TccConfig _config;
    private readonly string _userName;
    private readonly ITcc _tcc;
    private readonly TccPolicySources _sources;

    /// <param name="userName">The user whose TCC.db holds user-scoped grants: the agent user, who is logged in automatically.</param>
    public TccStep(TccConfig config, string userName, ImmutableArray<string> dependsOn, ITcc tcc, TccPolicySources sources)
    {
        _config = config;
        _userName = userName;
        _tcc = tcc;
        _sources = sources;
        DependsOn = dependsOn;
        var grants = string.Join(", ", config.Grants.Select(g => g.Describe()));
        Traits = new StepTraits { Description = $"wait for the MDM's PPPC profile (or a person) to grant {grants}", MaxAttempts = 3 };
    }

    public string Id => BuiltInStepIds.Tcc;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken)
    {
        var outcomes = await CheckAsync(cancellationToken);
        if (!outcomes.All(o => o.IsSatisfied))
        {
            return false;
        }

        await RecordOutcomeAsync(context, outcomes, cancellationToken);
        return true;
    }

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var outcomes = await CheckAsync(cancellationToken);
        var missing = outcomes.Where(o => !o.IsSatisfied).ToImmutableArray();
        if (missing.IsEmpty)
        {
            return ApplyResult.Succeeded;
        }

        var checks = int.TryParse(context.Facts.GetValueOrDefault(GrantChecksFact), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // 30 s, 1 min, 2 min, … up to 10 min: a PPPC profile arrives within minutes of enrolment, or waits for a person.
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << Math.Min(checks, 16), LongestWait.Ticks));
        await context.SetFactAsync(GrantChecksFact, (checks + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
        var reason = WaitReason(missing);
        context.Logger.LogInformation("TCC: {Missing} of {Total} grants missing; checking again in {Wait}: {Reason}", missing.Length, _config.Grants.Length, wait, reason);
        return new ApplyResult.WaitUntil(reason, wait);
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var outcomes = await CheckAsync(cancellationToken);
        var missing = outcomes.Where(o => !o.IsSatisfied).ToImmutableArray();
        if (!missing.IsEmpty)
        {
            return VerifyResult.Failed(WaitReason(missing));
        }

        if (context.Facts.ContainsKey(GrantChecksFact))
        {
            await context.SetFactAsync(GrantChecksFact, null, cancellationToken);
        }

        await RecordOutcomeAsync(context, outcomes, cancellationToken);
        return VerifyResult.Passed;
    }

    /// <summary>Reads each MDM source once, then asks, grant by grant, the sources that can satisfy it.</summary>
    private async Task<ImmutableArray<TccGrantOutcome>> CheckAsync(CancellationToken cancellationToken)
    {
        var needsMdm = _config.Grants.Any(g => g.Approval == TccApproval.Mdm);
        var overrides = needsMdm ? await _sources.MdmOverrides.ReadAsync(cancellationToken) : null;
        var profiles = needsMdm ? await _sources.InstalledProfiles.ReadAsync(cancellationToken) : null;
        var outcomes = ImmutableArray.CreateBuilder<TccGrantOutcome>(_config.Grants.Length);
        foreach (var grant in _config.Grants)
        {
            var findings = ImmutableArray.CreateBuilder<TccSourceFinding>();
            // A person's grant cannot come from a profile: only TCC.db can show it.
            if (grant.Approval == TccApproval.Mdm)
            {
                findings.Add(TccPolicyMatch.Evaluate(grant, _sources.MdmOverrides.Name, overrides!));
                findings.Add(TccPolicyMatch.Evaluate(grant, _sources.InstalledProfiles.Name, profiles!));
            }

            // TCC.db is read only when no MDM source already answered, so a host without Full Disk Access is not
            // told about a database it did not need.
            if (!findings.Any(f => f.Kind is TccFindingKind.Granted or TccFindingKind.Denied))
            {
                findings.Add(await ReadDatabaseAsync(grant, cancellationToken));
            }

            outcomes.Add(new TccGrantOutcome(grant, findings.ToImmutable()));
        }

        return outcomes.ToImmutable();
    }

    private async Task<TccSourceFinding> ReadDatabaseAsync(TccGrantConfig grant, CancellationToken cancellationToken)
    {
        try
        {
            return await _tcc.HasGrantAsync(grant.Service, grant.Client, _userName, cancellationToken) switch
            {
                TccGrantStatus.Granted => new(DatabaseSource, TccFindingKind.Granted, "granted by a user-approved row"),
                TccGrantStatus.UserDatabaseMissing => new(DatabaseSource, TccFindingKind.NotGranted,
                    $"{_userName}'s TCC.db, which holds {grant.Service}, appears at {_userName}'s first login"),
                _ => new(DatabaseSource, TccFindingKind.NotGranted, "read, no row allows it"),
            };
        }
        catch (TccException ex)
        {
            return new(DatabaseSource, TccFindingKind.Unreadable, $"could not read it: {ex.Message}");
        }
    }

    private static async Task RecordOutcomeAsync(StepContext context, ImmutableArray<TccGrantOutcome> outcomes, CancellationToken cancellationToken)
    {
        var outcome = string.Join("; ", outcomes.Select(o => o.Describe()));
        context.Logger.LogInformation("TCC: every grant is in place: {Outcome}", outcome);
        if (context.Facts.GetValueOrDefault(OutcomeFact) != outcome)
        {
            await context.SetFactAsync(OutcomeFact, outcome, cancellationToken);
        }
    }

    private static string WaitReason(ImmutableArray<TccGrantOutcome> missing)
    {
        var first = missing[0].Describe();
        return missing.Length == 1 ? first : $"{first} (and {missing.Length - 1} more)";
    }
}
