using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Core.Workflow;

/// <summary>The ordered, validated list of steps of one workflow (unique ids, known dependencies, no cycles, handoff last).</summary>
public sealed class WorkflowDefinition
{
    public const string HandoffStepId = Config.BuiltInStepIds.Handoff;

    private WorkflowDefinition(ImmutableArray<IStep> steps) => Steps = steps;

    public ImmutableArray<IStep> Steps { get; }

    /// <summary>A hash of step ids and dependencies, recorded in the state file to notice a changed workflow.</summary>
    public string Version
    {
        get
        {
            var text = string.Join(";", Steps.Select(s => s.Id + ":" + string.Join(",", s.DependsOn)));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    public IStep Step(string id) =>
        Steps.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"No step '{id}' in this workflow.");

    public static WorkflowDefinition Create(IEnumerable<IStep> steps)
    {
        var list = steps.ToImmutableArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in list)
        {
            if (!ids.Add(step.Id))
            {
                throw new ArgumentException($"Step id '{step.Id}' appears twice; step ids must be unique.");
            }
        }

        foreach (var step in list)
        {
            foreach (var dependency in step.DependsOn.Where(d => !ids.Contains(d)))
            {
                throw new ArgumentException($"Step '{step.Id}' depends on '{dependency}', which is not in the workflow.");
            }
        }

        var handoffIndex = list.IndexOf(list.FirstOrDefault(s => s.Id == HandoffStepId)!);
        if (handoffIndex >= 0 && handoffIndex != list.Length - 1)
        {
            throw new ArgumentException("The handoff step must be the last step.");
        }

        return new WorkflowDefinition(TopologicalOrder(list));
    }

    /// <summary>Orders steps so dependencies come first, keeping the given order where it is free (stable).</summary>
    private static ImmutableArray<IStep> TopologicalOrder(ImmutableArray<IStep> steps)
    {
        var ordered = ImmutableArray.CreateBuilder<IStep>(steps.Length);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < steps.Length)
        {
            var next = steps.FirstOrDefault(s => !placed.Contains(s.Id) && s.DependsOn.All(placed.Contains));
            if (next is null)
            {
                var stuck = steps.Where(s => !placed.Contains(s.Id)).Select(s => s.Id);
                throw new ArgumentException($"The dependencies of steps {string.Join(", ", stuck)} form a cycle.");
            }

            ordered.Add(next);
            placed.Add(next.Id);
        }

        return ordered.MoveToImmutable();
    }
}
