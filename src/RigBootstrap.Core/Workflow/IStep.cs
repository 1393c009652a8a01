using System.Collections.Immutable;

namespace RigBootstrap.Core.Workflow;

/// <summary>A workflow step: probe (already satisfied?), apply, verify (docs/design.md §3, docs/invariants.md I3).</summary>
public interface IStep
{
    string Id { get; }

    ImmutableArray<string> DependsOn { get; }

    StepTraits Traits { get; }

    /// <summary>True when the step's effect is already in place, so apply is not needed.</summary>
    Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken);

    Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken);

    Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken);
}
