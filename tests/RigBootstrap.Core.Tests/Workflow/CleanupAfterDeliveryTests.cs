using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

/// <summary>With events configured, the cleanup after `Completed` waits for delivery; the plist stays meanwhile.</summary>
public sealed class CleanupAfterDeliveryTests
{
    [Fact]
    public async Task The_plist_stays_until_delivery_returns_and_a_crash_meanwhile_only_delivers_again()
    {
        // Arrange
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath)]);
        var plist = harness.Root.Paths.LaunchDaemonPlistPath(harness.Options.Label);
        Directory.CreateDirectory(Path.GetDirectoryName(plist)!);
        File.WriteAllText(plist, "plist");
        var seen = new List<(WorkflowState State, bool PlistThere)>();
        harness.BeforeCleanup = (state, ct) =>
        {
            seen.Add((state.Workflow.State, File.Exists(plist)));
            // The first delivery dies with its process (a crash, a reboot); the second one delivers.
            return seen.Count == 1 ? throw new OperationCanceledException("killed") : Task.FromResult<string?>(null);
        };

        // Act
        var first = () => harness.RunAsync();
        await first.Should().ThrowAsync<OperationCanceledException>();
        var plistAfterTheCrash = File.Exists(plist);
        var outcome = await harness.RunAsync();

        // Assert
        plistAfterTheCrash.Should().BeTrue("nothing of ours is removed before delivery returns");
        outcome.Should().Be(RunOutcome.Completed);
        seen.Should().Equal((WorkflowState.Completed, true), (WorkflowState.Completed, true));
        File.Exists(plist).Should().BeFalse();
        harness.Journal.Should().NotContain(e => e.Kind == "events", "everything was delivered");
        harness.Launchd.Calls.Should().Contain(c => c.StartsWith("bootout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_could_never_be_delivered_is_journaled_just_before_the_cleanup()
    {
        // Arrange
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath)]);
        harness.BeforeCleanup = (_, _) => Task.FromResult<string?>("2 events never delivered to conductor.example");

        // Act
        var outcome = await harness.RunAsync();

        // Assert
        outcome.Should().Be(RunOutcome.Completed);
        var kinds = harness.Journal.Select(e => e.Kind).ToList();
        kinds.IndexOf("events").Should().Be(kinds.IndexOf("cleanup") - 1);
        harness.Journal.Single(e => e.Kind == "events").Reason.Should().Be("2 events never delivered to conductor.example");
        harness.State.Handoff!.CleanedUpAt.Should().NotBeNull();
    }

    [Fact]
    public async Task The_stop_our_own_unload_causes_ends_the_run_completed_not_failed()
    {
        // Arrange: bootout of our own label SIGTERMs us while launchctl waits, and the stop kills launchctl.
        using var harness = new EngineHarness();
        using var stop = new CancellationTokenSource();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath)]);
        harness.Launchd.OnCall = call =>
        {
            if (call.StartsWith("bootout", StringComparison.Ordinal))
            {
                stop.Cancel();
                throw new ServiceManagerException("launchctl bootout system/com.rig.bootstrap exited 143", 143);
            }
        };

        // Act
        var outcome = await harness.RunAsync(cancellationToken: stop.Token);

        // Assert
        outcome.Should().Be(RunOutcome.Completed);
        harness.State.Handoff!.CleanedUpAt.Should().NotBeNull();
    }
}
