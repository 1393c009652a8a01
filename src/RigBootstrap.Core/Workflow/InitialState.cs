using System.Collections.Immutable;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>The state file `install` writes: every step Pending, the workflow Installed.</summary>
public static class InitialState
{
    public static StateFile Create(WorkflowDefinition definition, EngineOptions options, string bootId, DateTimeOffset now) =>
        new()
        {
            Version = options.Version,
            Label = options.Label,
            WorkflowVersion = definition.Version,
            Workflow = new WorkflowStatus
            {
                State = WorkflowState.Installed,
                Since = now,
                Reason = "installed; launchd starts `rig-bootstrap run` at load and after every boot",
                Next = $"run step {definition.Steps[0].Id}",
            },
            BootId = bootId,
            Boots = new BootCounters(),
            Steps = definition.Steps.Select(s => new StepRecord { Id = s.Id, Since = now }).ToImmutableArray(),
            Handoff = options.AgentLabel is null ? null : new HandoffRecord { AgentLabel = options.AgentLabel },
            UpdatedAt = now,
        };
}
