using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

/// <summary>
/// A stop (SIGTERM at shutdown or bootout) kills the step's tool; whatever the tool family makes of that (an error
/// result, an exception of its own) is the stop's doing, not the step failing: the step stays Running, no attempt is
/// recorded as failed, and the next run probes it (docs/adr/0006-generic-host.md).
/// </summary>
public sealed class StoppedStepTests
{
    public static TheoryData<string> Reports => ["a failed result", "an exception of the tool family"];

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_step_whose_tool_was_killed_by_a_stop_stays_running_and_is_not_failed(string report)
    {
        // Arrange
        using var harness = new EngineHarness();
        using var stop = new CancellationTokenSource();
        var step = new ScriptedStep("clone", harness.MarkerDirPath)
        {
            WriteMarker = false,
            Outcome = _ =>
            {
                stop.Cancel();
                return report == "a failed result"
                    ? new ApplyResult.Fail("git exited 143 (terminated)", Retryable: true)
                    : throw new InvalidOperationException("git clone exited 143 (terminated)");
            },
        };
        harness.Definition = WorkflowDefinition.Create([step]);

        // Act
        var run = async () => await harness.RunAsync(cancellationToken: stop.Token);

        // Assert
        await run.Should().ThrowAsync<OperationCanceledException>();
        harness.State.Step("clone").State.Should().Be(StepState.Running);
        harness.State.Step("clone").LastError.Should().BeNull();
        harness.Journal.Where(e => e.Kind == "step" && e.Step == "clone").Select(e => e.To).Should().Equal("Running");
    }
}
