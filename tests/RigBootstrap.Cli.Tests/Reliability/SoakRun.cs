using System.Collections.Immutable;
using System.Globalization;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// One run of the soak (<see cref="MacSoakTests"/>), drawn from the soak's seed and the run's index alone, so any run
/// replays without the runs before it. Four runs in five cut the power right after persistence points (the count runs
/// across the run's starts and boots: a replay cuts at exactly the same points); the fifth cuts it at moments after
/// the first power-on, wherever the host is (a replay cuts at the same times, not necessarily in the same place).
/// </summary>
public sealed record SoakRun
{
    private const int MaxPointCuts = 24;
    private const int MaxPointGap = 5;
    private const int MaxMomentCuts = 6;
    private const int MaxMomentGapMilliseconds = 3000;

    public required int Seed { get; init; }

    public required int Index { get; init; }

    public required MacUpgradeMode Upgrade { get; init; }

    /// <summary>Persistence points to cut at, ascending (empty for a run cut at moments).</summary>
    public required ImmutableArray<int> Points { get; init; }

    /// <summary>Moments to cut at, ascending (empty for a run cut at persistence points).</summary>
    public required ImmutableArray<TimeSpan> Moments { get; init; }

    public static SoakRun Plan(int seed, int index)
    {
        // A run's own generator: the same (seed, index) always gives the same run.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var upgrade = random.Next(2) == 0 ? MacUpgradeMode.Mdm : MacUpgradeMode.SoftwareUpdate;
        var points = ImmutableArray.CreateBuilder<int>();
        var moments = ImmutableArray.CreateBuilder<TimeSpan>();
        if (random.Next(5) != 0)
        {
            var point = 0;
            for (var cut = random.Next(1, MaxPointCuts + 1); cut > 0; cut--)
            {
                point += random.Next(1, MaxPointGap + 1);
                points.Add(point);
            }
        }
        else
        {
            var at = 0;
            for (var cut = random.Next(1, MaxMomentCuts + 1); cut > 0; cut--)
            {
                at += random.Next(0, MaxMomentGapMilliseconds);
                moments.Add(TimeSpan.FromMilliseconds(at));
            }
        }

        return new SoakRun { Seed = seed, Index = index, Upgrade = upgrade, Points = points.ToImmutable(), Moments = moments.ToImmutable() };
    }

    public string Describe() => Points.IsEmpty
        ? $"run {Index} ({Upgrade}): power cuts at {string.Join(", ", Moments.Select(m => m.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms"))} after the first power-on"
        : $"run {Index} ({Upgrade}): power cuts right after persistence points {string.Join(", ", Points)} (counted across the run's starts and boots)";

    /// <summary>The command that runs this run alone again.</summary>
    public string ReplayCommand() => $"RIG_BOOTSTRAP_SOAK_SEED={Seed} RIG_BOOTSTRAP_SOAK_RUN={Index} bench/soak.sh";
}
