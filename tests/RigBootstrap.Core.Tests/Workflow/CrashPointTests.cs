using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using Xunit.Abstractions;

namespace RigBootstrap.Core.Tests.Workflow;

/// <summary>A crash right after every persistence point, one at a time, converges and never repeats a side effect (docs/invariants.md I3).</summary>
public sealed class CrashPointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_crash_after_any_persistence_point_converges_and_no_side_effect_runs_twice()
    {
        var crashPointsTried = 0;
        for (var crashAfter = 1; crashAfter < 200; crashAfter++)
        {
            using var harness = new EngineHarness();
            var plain = new ScriptedStep("plain", harness.MarkerDirPath);
            var reboot = new ScriptedStep("needs-reboot", harness.MarkerDirPath, "plain") { Outcome = _ => new ApplyResult.NeedsReboot("takes effect after a reboot") };
            var last = new ScriptedStep("last", harness.MarkerDirPath, "needs-reboot");
            harness.Definition = WorkflowDefinition.Create([plain, reboot, last]);

            var observer = new CrashAtPersistencePoint(crashAfter);
            var crashed = false;
            try
            {
                if (await harness.RunAsync(observer) == RunOutcome.RebootRequested)
                {
                    harness.Boot.Reboot();
                    await harness.RunAsync(observer);
                }
            }
            catch (PersistencePointCrashException)
            {
                crashed = true;
            }

            if (!crashed && observer.Seen < crashAfter)
            {
                output.WriteLine($"{crashPointsTried} crash points tried, each converged with no side effect repeated");
                crashPointsTried.Should().BeGreaterThan(10, "the workflow has many persistence points");
                return;
            }

            crashPointsTried++;
            var outcome = await harness.RunToEndAsync();

            outcome.Should().Be(RunOutcome.Completed, $"a crash after persistence point {crashAfter} must converge");
            harness.State.Steps.Should().OnlyContain(s => s.IsDone);
            plain.Applies.Should().BeLessThanOrEqualTo(1, $"crash point {crashAfter}");
            reboot.Applies.Should().BeLessThanOrEqualTo(1, $"crash point {crashAfter}");
            last.Applies.Should().BeLessThanOrEqualTo(1, $"crash point {crashAfter}");
            harness.Launchd.Calls.Last().Should().Be("bootout com.rig.bootstrap", "bootout is the very last act");
        }

        Assert.Fail("the crash loop never reached a run without a crash");
    }
}
