using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Status;

public sealed class PlanRendererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly WorkflowDescription Workflow = new(
    [
        new StepDescription("age-key", "create the host's age key", [], MayNeedReboot: false, RebootsItself: false, MaxAttempts: 3),
        new StepDescription("autologin", "turn on autologin", ["age-key"], MayNeedReboot: true, RebootsItself: false, MaxAttempts: 3),
        new StepDescription("os-upgrade", "install the OS update", [], MayNeedReboot: false, RebootsItself: true, MaxAttempts: 2),
        new StepDescription("handoff", "hand off to the agent", ["age-key", "autologin", "os-upgrade"], MayNeedReboot: false, RebootsItself: false, MaxAttempts: 3),
    ]);

    [Fact]
    public void The_plan_lists_steps_in_order_with_what_they_wait_for_and_the_reboot_line()
    {
        var text = PlanRenderer.Render(Workflow, state: null);

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().Be("4 steps, in the order they run:");
        lines[1].Should().MatchRegex(@"^\s+1\. age-key\s+will run; first; up to 3 attempts$");
        lines[2].Should().Be("      create the host's age key");
        lines[3].Should().MatchRegex(@"^\s+2\. autologin\s+will run; after age-key; up to 3 attempts$");
        lines[5].Should().MatchRegex(@"^\s+3\. os-upgrade\s+will run; first; up to 2 attempts$");
        lines[7].Should().MatchRegex(@"^\s+4\. handoff\s+will run; after age-key, autologin, os-upgrade; up to 3 attempts$");
        text.Should().Contain("Reboots: autologin, os-upgrade need one; they are coalesced into a single reboot when nothing else can progress.");
    }

    [Fact]
    public void Against_a_state_the_plan_shows_what_is_done_and_what_waits()
    {
        var state = new StateFile
        {
            Version = "test",
            Label = "com.rig.bootstrap",
            WorkflowVersion = "v1",
            BootId = "boot-1",
            UpdatedAt = Start,
            Workflow = new WorkflowStatus { State = WorkflowState.AwaitingReboot, Since = Start, Reason = "rebooting" },
            Steps =
            [
                new StepRecord { Id = "age-key", State = StepState.Skipped, Since = Start },
                new StepRecord { Id = "autologin", State = StepState.AwaitingReboot, Since = Start, WaitingFor = "reboot: autologin" },
                new StepRecord { Id = "os-upgrade", Since = Start },
                new StepRecord { Id = "handoff", Since = Start },
            ],
        };

        var text = PlanRenderer.Render(Workflow, state);

        text.Should().MatchRegex(@"1\. age-key\s+done \(Skipped\); first");
        text.Should().MatchRegex(@"2\. autologin\s+AwaitingReboot: reboot: autologin; after age-key");
        text.Should().MatchRegex(@"3\. os-upgrade\s+will run; first");
    }

    [Fact]
    public void A_workflow_without_reboots_says_none_are_expected()
    {
        var text = PlanRenderer.Render(new WorkflowDescription([Workflow.Steps[0]]), state: null);

        text.Should().Contain("1 steps, in the order they run:").And.Contain("Reboots: none expected.");
    }
}
