using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Tests.Status;

/// <summary>`status` on a host in each workflow state, from the demo and the engine scenarios, reads clearly.</summary>
public sealed class StatusScenarioTests
{
    [Theory]
    [InlineData("demo", "Completed", "  next: nothing: the fleet agent owns the host")]
    [InlineData("installed", "Installed", "  one   Pending")]
    [InlineData("halted", "Halted", "fix the cause, then run `rig-bootstrap retry only`")]
    [InlineData("waiting", "Waiting", "recipient not registered: age1qqqq; checks again ")]
    [InlineData("rebooting", "AwaitingReboot", "reboot: autologin takes effect after a reboot; verified after the next boot")]
    public async Task The_view_starts_with_the_workflow_line_and_shows_what_the_state_needs_said(string scenario, string workflow, string telling)
    {
        // Arrange
        var state = StateFileStore.Deserialize(await ScenarioStates.JsonOfAsync(scenario));

        // Act: read at the moment the workflow entered its state (the demo's last write comes a moment after it).
        var lines = StatusRenderer.Render(state, state.Workflow.Since).Split('\n');

        // Assert
        lines[0].Should().StartWith($"{state.Label}: {workflow} since ").And.EndWith("(0s ago)");
        lines[1].Should().Be($"  why:  {state.Workflow.Reason}");
        lines.Should().Contain(l => l.Contains(telling, StringComparison.Ordinal));
        foreach (var step in state.Steps)
        {
            lines.Should().ContainSingle(l => l.StartsWith($"  {step.Id} ", StringComparison.Ordinal) && l.Contains($" {step.State} ", StringComparison.Ordinal));
        }
    }
}
