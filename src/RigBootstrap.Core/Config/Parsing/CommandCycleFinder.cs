using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Finds dependency cycles among command steps (built-in steps never depend on commands).</summary>
internal static class CommandCycleFinder
{
    private enum Mark
    {
        Unvisited,
        OnPath,
        Done,
    }

    /// <summary>Each cycle as ids, first id repeated at the end (<c>a, b, a</c>); at most one per tangle of commands.</summary>
    public static ImmutableArray<ImmutableArray<string>> Find(
        ImmutableArray<CommandStepConfig> commands, IReadOnlyDictionary<string, int> indexById)
    {
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var inReportedCycle = new HashSet<string>(StringComparer.Ordinal);
        var cycles = ImmutableArray.CreateBuilder<ImmutableArray<string>>();

        // Config order makes each reported cycle start where a reader would look first.
        foreach (var start in indexById.OrderBy(pair => pair.Value).Select(pair => pair.Key))
        {
            if (marks.GetValueOrDefault(start) != Mark.Unvisited)
            {
                continue;
            }

            // Depth-first with an explicit stack: a long generated chain of commands must not overflow the thread's stack.
            var path = new List<(string Id, int Next)> { (start, 0) };
            marks[start] = Mark.OnPath;
            while (path.Count > 0)
            {
                var (id, next) = path[^1];
                var dependsOn = commands[indexById[id]].DependsOn;
                if (next == dependsOn.Length)
                {
                    marks[id] = Mark.Done;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                path[^1] = (id, next + 1);
                var dependency = dependsOn[next];
                if (!indexById.ContainsKey(dependency))
                {
                    continue;
                }

                var mark = marks.GetValueOrDefault(dependency);
                if (mark == Mark.Unvisited)
                {
                    marks[dependency] = Mark.OnPath;
                    path.Add((dependency, 0));
                }
                else if (mark == Mark.OnPath)
                {
                    var cycle = path.Select(step => step.Id).SkipWhile(step => step != dependency).Append(dependency).ToImmutableArray();

                    // Every back edge of one tangle is the same problem to the reader; the first cycle names it.
                    if (!cycle.Any(inReportedCycle.Contains))
                    {
                        cycles.Add(cycle);
                    }

                    inReportedCycle.UnionWith(cycle);
                }
            }
        }

        return cycles.ToImmutable();
    }
}
