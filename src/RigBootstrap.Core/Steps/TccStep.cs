using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Waits until every configured TCC grant is in place (DESIGN §4). It only reads TCC.db: SIP keeps anyone from
/// writing it, so the grants must come from the MDM's PPPC profile. User-scoped grants also need the user's own
/// TCC.db, which appears at that user's first login (hence the dependency on autologin and its reboot).
/// </summary>
public sealed class TccStep : IStep
{
    /// <summary>How many times the step found a grant missing; drives the back-off across reboots.</summary>
    public const string GrantChecksFact = "grantChecks";

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    private readonly TccConfig _config;
    private readonly string _userName;
    private readonly ITcc _tcc;

    /// <param name="userName">The user whose TCC.db holds user-scoped grants: the agent user, who is logged in automatically.</param>
    public TccStep(TccConfig config, string userName, ImmutableArray<string> dependsOn, ITcc tcc)
    {
        _config = config;
        _userName = userName;
        _tcc = tcc;
        DependsOn = dependsOn;
        var grants = string.Join(", ", config.Grants.Select(g => $"{g.Service} to {g.Client}"));
        Traits = new StepTraits { Description = $"wait for the MDM PPPC profile to grant {grants}", MaxAttempts = 3 };
    }

    public string Id => BuiltInStepIds.Tcc;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        (await MissingAsync(cancellationToken)).IsEmpty;

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        ImmutableArray<(TccGrantConfig Grant, TccGrantStatus Status)> missing;
        try
        {
            missing = await MissingAsync(cancellationToken);
        }
        catch (TccException ex)
        {
            // Full Disk Access, like the grants themselves, may still be on its way from the MDM: worth a few retries.
            return new ApplyResult.Fail(ex.Message, Retryable: true);
        }

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
        var missing = await MissingAsync(cancellationToken);
        if (!missing.IsEmpty)
        {
            return VerifyResult.Failed(WaitReason(missing));
        }

        if (context.Facts.ContainsKey(GrantChecksFact))
        {
            await context.SetFactAsync(GrantChecksFact, null, cancellationToken);
        }

        return VerifyResult.Passed;
    }

    private async Task<ImmutableArray<(TccGrantConfig Grant, TccGrantStatus Status)>> MissingAsync(CancellationToken cancellationToken)
    {
        var missing = ImmutableArray.CreateBuilder<(TccGrantConfig, TccGrantStatus)>();
        foreach (var grant in _config.Grants)
        {
            var status = await _tcc.HasGrantAsync(grant.Service, grant.Client, _userName, cancellationToken);
            if (status != TccGrantStatus.Granted)
            {
                missing.Add((grant, status));
            }
        }

        return missing.ToImmutable();
    }

    private string WaitReason(ImmutableArray<(TccGrantConfig Grant, TccGrantStatus Status)> missing)
    {
        var (grant, status) = missing[0];
        var first = status == TccGrantStatus.UserDatabaseMissing
            ? $"waiting for {_userName}'s first login, which creates the TCC.db that holds {grant.Service} for {grant.Client}"
            : $"waiting for the MDM PPPC profile to grant {grant.Service} to {grant.Client}";
        return missing.Length == 1 ? first : $"{first} (and {missing.Length - 1} more)";
    }
}
