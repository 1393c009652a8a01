using System.Diagnostics;
using System.Globalization;
using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The soak: the Mac workflow of <see cref="MacWorkflowTests"/> (every built-in step, the archive copied to
/// /Users/Shared) run again and again through the published binary, each run with power cuts drawn from a seed
/// (<see cref="SoakRun"/>), until the number of cuts asked for has been made. By default a short seeded sample for
/// tests/run.sh; bench/soak.sh sets <c>RIG_BOOTSTRAP_SOAK_CUTS</c> to 1,000 or more. <c>RIG_BOOTSTRAP_SOAK_SEED</c>
/// picks the seed and <c>RIG_BOOTSTRAP_SOAK_RUN</c> replays one run alone; <c>RIG_BOOTSTRAP_SOAK_SECONDS</c> starts no
/// run after that many seconds, and the figures say so. Every run must converge (Completed,
/// plist and binary gone) with each side effect once, counted in the fake tools' own logs; a cut at a moment may
/// catch an idempotent one (a clone, a keychain item set with -U) in its middle, which is then redone, and counted.
/// Cuts in a row may spend a budget (<see cref="BudgetHalt"/>): the operator then runs the retry status names, counted.
/// A failing run is named with its cuts and the command that replays it, and the soak goes on to count the rest.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class MacSoakTests(PublishedBinary binary, ITestOutputHelper output)
{
    public const string SeedVariable = "RIG_BOOTSTRAP_SOAK_SEED";
    public const string CutsVariable = "RIG_BOOTSTRAP_SOAK_CUTS";
    public const string RunVariable = "RIG_BOOTSTRAP_SOAK_RUN";
    public const string ProgressVariable = "RIG_BOOTSTRAP_SOAK_PROGRESS";
    public const string SecondsVariable = "RIG_BOOTSTRAP_SOAK_SECONDS";

    private const int DefaultSeed = 20261203;
    private const int DefaultCuts = 4;
    private const int MaxFailures = 5;
    private const int MaxRetriesPerRun = 6;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task Power_cuts_drawn_from_a_seed_never_stop_the_Mac_workflow_from_converging_or_repeat_a_side_effect()
    {
        var seed = Setting(SeedVariable) ?? DefaultSeed;
        var target = Setting(CutsVariable) ?? DefaultCuts;
        var only = Setting(RunVariable);
        var limit = Setting(SecondsVariable) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var progressPath = Environment.GetEnvironmentVariable(ProgressVariable);
        var totals = new SoakTotals();
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        var stoppedByLimit = false;
        for (var index = only ?? 0; only is null ? totals.Cuts < target : index == only; index++)
        {
            if (watch.Elapsed >= limit)
            {
                // No new run after the time limit: the figures say how far the soak got, and that it stopped there.
                stoppedByLimit = true;
                break;
            }

            var run = SoakRun.Plan(seed, index);
            var failure = await RunOnceAsync(run, totals);
            if (failure is not null)
            {
                failures.Add(failure);
            }

            if (progressPath is { Length: > 0 })
            {
                File.AppendAllText(progressPath, $"{DateTime.UtcNow:HH:mm:ss} {totals.Describe()}{(failure is null ? "" : "\nFAILED " + failure)}\n");
            }

            if (failures.Count >= MaxFailures)
            {
                break;
            }
        }

        output.WriteLine($"RELIABILITY mac-soak seed={seed} target={target} {totals.Describe()} failed={failures.Count} seconds={(int)watch.Elapsed.TotalSeconds} limit={(limit is { } l ? (int)l.TotalSeconds : 0)} stopped-by-limit={(stoppedByLimit ? "yes" : "no")}");
        failures.Should().BeEmpty($"every run converges with each side effect once (seed {seed}); replay a failure alone with its command");
        if (only is null && !stoppedByLimit)
        {
            totals.Cuts.Should().BeGreaterThanOrEqualTo(target, "the soak goes on until it has cut the power as often as asked");
        }
    }

    /// <summary>One run: null when it converged with each side effect once, else what failed and how to replay it.</summary>
    private async Task<string?> RunOnceAsync(SoakRun run, SoakTotals totals)
    {
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host, run.Upgrade);
        using var harness = new BootHarness(host);
        foreach (var point in run.Points)
        {
            harness.PowerCutPoints.Enqueue(point);
        }

        foreach (var moment in run.Moments)
        {
            harness.PowerCutMoments.Enqueue(moment);
        }

        await MacStart.StartAsync(_cli, host, fleet, harness, registerAtBoot: 1);
        var settled = await harness.RunAsync(SettleLimit);
        var retries = new List<string>();
        while (settled && retries.Count < MaxRetriesPerRun && BudgetHalt.StepToRetry(host) is { } step)
        {
            // Cuts in a row may spend a budget, and the workflow halts as designed; the operator does what status says.
            var retry = await _cli.RunAsync(["retry", step, .. host.HostArguments]);
            retries.Add(retry.ExitCode == 0 ? step : $"{step} (retry exited {retry.ExitCode})");
            settled = retry.ExitCode == 0 && await harness.RunAsync(SettleLimit);
        }

        var redone = fleet.IdempotentSideEffects().Sum(e => Math.Max(0, e.Count - 1));
        var repeated = fleet.SideEffectsRepeated() + (run.Points.IsEmpty ? 0 : redone);
        totals.Add(harness, repeated, run.Points.IsEmpty ? redone : 0, retries.Count);
        var cuts = $"{harness.PointCuts} cuts at points and {harness.MomentCuts} at moments made, {harness.Boots} boots, retried after a budget halt: [{string.Join(", ", retries)}]";
        try
        {
            settled.Should().BeTrue("the daemon settles within {0}", SettleLimit);
            ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "the workflow converges");
            fleet.NonIdempotentSideEffects().Should().OnlyContain(e => e.Count == 1, "no cut repeats or skips a non-idempotent side effect");
            if (run.Points.IsEmpty)
            {
                fleet.IdempotentSideEffects().Should().OnlyContain(e => e.Count >= 1, "a cut may redo an idempotent side effect, never skip it");
            }
            else
            {
                fleet.IdempotentSideEffects().Should().OnlyContain(e => e.Count == 1, "a cut right after a persistence point catches no side effect in its middle");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var status = await _cli.RunAsync(["status", .. host.HostArguments]);
            return $"{run.Describe()}; {cuts}: {ex.Message}\n{status.Describe()}\nreplay: {run.ReplayCommand()}";
        }

        totals.AddConverged();
        return null;
    }

    private static int? Setting(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
