using System.Collections.Immutable;

namespace RigBootstrap.Processes;

/// <summary>A snapshot of the live (non-zombie) processes of the host and their parents.</summary>
internal sealed record ProcessTable(ImmutableArray<ProcessEntry> Entries)
{
    public static ProcessTable Empty { get; } = new(ImmutableArray<ProcessEntry>.Empty);

    /// <summary>Children, grandchildren and so on of the given process, as seen in this snapshot.</summary>
    public ImmutableArray<ProcessEntry> DescendantsOf(int pid)
    {
        var childrenByParent = Entries.ToLookup(entry => entry.ParentPid);
        var descendants = ImmutableArray.CreateBuilder<ProcessEntry>();
        var visited = new HashSet<int> { pid };
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in childrenByParent[parent])
            {
                // The visited set guards against a cycle in a snapshot torn by PID reuse.
                if (visited.Add(child.Pid))
                {
                    descendants.Add(child);
                    pending.Enqueue(child.Pid);
                }
            }
        }

        return descendants.ToImmutable();
    }

    /// <summary>True when the same process (same PID and start marker) is in this snapshot.</summary>
    /// <remarks>The parent is not compared: an orphaned descendant has been re-parented meanwhile.</remarks>
    public bool StillRuns(ProcessEntry entry) =>
        Entries.Any(live => live.Pid == entry.Pid && live.StartMarker == entry.StartMarker);
}
