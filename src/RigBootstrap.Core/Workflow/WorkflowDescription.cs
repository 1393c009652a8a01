using System.Collections.Immutable;

namespace RigBootstrap.Core.Workflow;

/// <summary>A read-only description of a workflow, which `plan` and `graph` render (docs/style.md 16: describe, then render).</summary>
public sealed record WorkflowDescription(ImmutableArray<StepDescription> Steps)
{
    public static WorkflowDescription From(WorkflowDefinition definition) =>
        new(definition.Steps.Select(s => new StepDescription(s.Id, s.Traits.Description, s.DependsOn, s.Traits.MayNeedReboot, s.Traits.RebootsItself, s.Traits.MaxAttempts)).ToImmutableArray());
}
