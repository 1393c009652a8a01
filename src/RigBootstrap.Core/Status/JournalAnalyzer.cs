using System.Collections.Immutable;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>
/// Folds journal.jsonl by boot and by step for `status --history` (docs/design.md §10 "fold the journal"): per step the time
/// spent Running, paired from each move into Running to the move out of it and summed across tries and boots.
/// </summary>
public static class JournalAnalyzer
{
    private const string RunStarted = "run-started";
    private const string Running = nameof(StepState.Running);

    public static JournalAnalysis Analyze(IReadOnlyList<JournalEntry> entries)
    {
        var bootIds = BootIdsOf(entries);
        var boots = new List<BootHistory>();
        var steps = new Dictionary<string, StepTiming>(StringComparer.Ordinal);
        var order = new List<string>();
        var runningSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var firstRun = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var halts = ImmutableArray.CreateBuilder<HaltRecord>();
        DateTimeOffset? previousAt = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var boot = Count(boots, bootIds[i], entry);
            if (entry.Kind == RunStarted && previousAt is { } lastSign)
            {
                // A step still Running when a new run starts died with its process: count it up to the last entry written.
                foreach (var (id, since) in runningSince)
                {
                    steps[id] = steps[id] with { Running = steps[id].Running + (lastSign - since), Interrupted = steps[id].Interrupted + 1 };
                }

                runningSince.Clear();
            }

            if (entry is { Kind: "step", Step: { } stepId })
            {
                if (!steps.TryGetValue(stepId, out var timing))
                {
                    order.Add(stepId);
                    timing = new StepTiming { StepId = stepId, Running = TimeSpan.Zero, Runs = 0, Boots = [], Elapsed = TimeSpan.Zero, LastState = "" };
                }

                if (entry.From == Running && runningSince.Remove(stepId, out var since))
                {
                    timing = timing with { Running = timing.Running + (entry.Time - since) };
                }

                if (entry.To == Running)
                {
                    runningSince[stepId] = entry.Time;
                    firstRun.TryAdd(stepId, entry.Time);
                    timing = timing with { Runs = timing.Runs + 1, Boots = timing.Boots.Contains(boot) ? timing.Boots : timing.Boots.Add(boot) };
                }

                steps[stepId] = timing with
                {
                    LastState = entry.To ?? timing.LastState,
                    Elapsed = firstRun.TryGetValue(stepId, out var first) ? entry.Time - first : TimeSpan.Zero,
                };
            }

            if (entry is { Kind: "workflow", To: nameof(WorkflowState.Halted) })
            {
                halts.Add(new HaltRecord(entry.Time, boot, entry.Reason ?? ""));
            }

            previousAt = entry.Time;
        }

        // Still Running at the end of the journal: a run in progress (or one that died unseen); counted so far.
        foreach (var (id, since) in runningSince)
        {
            steps[id] = steps[id] with { Running = steps[id].Running + (previousAt!.Value - since) };
        }

        return new JournalAnalysis
        {
            Entries = entries.Count,
            Boots = [.. boots],
            Steps = [.. order.Select(id => steps[id])],
            Halts = halts.ToImmutable(),
        };
    }

    /// <summary>Adds the entry to its boot's counters (a new boot gets the next number) and returns the boot number.</summary>
    private static int Count(List<BootHistory> boots, string bootId, JournalEntry entry)
    {
        var index = boots.FindIndex(b => b.BootId == bootId);
        if (index < 0)
        {
            boots.Add(new BootHistory { Number = boots.Count + 1, BootId = bootId, FirstAt = entry.Time, LastAt = entry.Time });
            index = boots.Count - 1;
        }

        var boot = boots[index];
        boots[index] = boot with
        {
            FirstAt = entry.Time < boot.FirstAt ? entry.Time : boot.FirstAt,
            LastAt = entry.Time > boot.LastAt ? entry.Time : boot.LastAt,
            Runs = boot.Runs + (entry.Kind == RunStarted ? 1 : 0),
            RebootsRequested = boot.RebootsRequested + (entry.Kind == "reboot-requested" ? 1 : 0),
            Halts = boot.Halts + (entry is { Kind: "workflow", To: nameof(WorkflowState.Halted) } ? 1 : 0),
        };
        return boot.Number;
    }

    /// <summary>
    /// The boot each entry belongs to. A run's first persistence point is stamped with the boot id the state held
    /// before it (the run-started entry, and a halt or migration written with it), so after a reboot those
    /// entries name the previous boot; they take the boot id of the first later entry of the same run that differs.
    /// </summary>
    private static string[] BootIdsOf(IReadOnlyList<JournalEntry> entries)
    {
        var ids = entries.Select(e => e.BootId).ToArray();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind != RunStarted)
            {
                continue;
            }

            for (var j = i + 1; j < entries.Count && entries[j].Kind != RunStarted; j++)
            {
                if (entries[j].BootId != entries[i].BootId)
                {
                    Array.Fill(ids, entries[j].BootId, i, j - i);
                    break;
                }
            }
        }

        return ids;
    }
}
