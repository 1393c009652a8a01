using System.Collections.Immutable;

namespace RigBootstrap.Core.Status;

/// <summary>The journal folded by boot and by step (what cloud-init's `analyze` does with its logs).</summary>
public sealed record JournalAnalysis
{
    public required int Entries { get; init; }

    /// <summary>Lines a crash tore mid-append (<see cref="Journal.JournalContents.TornLines"/>); each cost only itself.</summary>
    public int TornLines { get; init; }

    public required ImmutableArray<BootHistory> Boots { get; init; }

    /// <summary>In the order the steps first appear in the journal.</summary>
    public required ImmutableArray<StepTiming> Steps { get; init; }

    public required ImmutableArray<HaltRecord> Halts { get; init; }
}
