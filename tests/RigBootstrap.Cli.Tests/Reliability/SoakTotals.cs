namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>The soak's running figures, summed over its runs.</summary>
public sealed class SoakTotals
{
    public int Runs { get; private set; }

    public int Converged { get; private set; }

    public int PointCuts { get; private set; }

    public int MomentCuts { get; private set; }

    public int Cuts => PointCuts + MomentCuts;

    public int Boots { get; private set; }

    public int Reboots { get; private set; }

    /// <summary>Side effects done more than once where that is never allowed (must be 0), from the fake tools' logs.</summary>
    public int Repeated { get; private set; }

    /// <summary>Idempotent side effects redone after a cut at a moment caught them in their middle.</summary>
    public int Redone { get; private set; }

    /// <summary>`rig-bootstrap retry` after a halt on a budget that cuts in a row spent (<see cref="BudgetHalt"/>).</summary>
    public int Retries { get; private set; }

    public void Add(BootHarness harness, int repeated, int redone, int retries)
    {
        Runs++;
        Retries += retries;
        PointCuts += harness.PointCuts;
        MomentCuts += harness.MomentCuts;
        Boots += harness.Boots;
        Reboots += harness.Reboots;
        Repeated += repeated;
        Redone += redone;
    }

    public void AddConverged() => Converged++;

    public string Describe() =>
        $"runs={Runs} converged={Converged} cuts={Cuts} point-cuts={PointCuts} moment-cuts={MomentCuts} boots={Boots} reboots={Reboots} repeated={Repeated} redone={Redone} retries={Retries}";
}
