using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Tests.Status;

public sealed class StatusRendererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static StateFile State(WorkflowState workflow, DateTimeOffset? lastProgressAt = null, string? ageRecipient = null) => new()
    {
        Version = "1.2.3",
        Label = "com.rig.bootstrap",
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = workflow, Since = Start, Reason = "secrets: recipient not registered", Next = "register the age recipient" },
        BootId = "boot-1",
        Boots = new BootCounters { Count = 1 },
        Steps =
        [
            new StepRecord { Id = "age-key", State = StepState.Succeeded, Since = Start, Attempts = 1 },
            new StepRecord
            {
                Id = "secrets", State = StepState.Waiting, Since = Start, Attempts = 1,
                WaitingFor = "recipient not registered: age1qqqq", NextCheck = Start.AddMinutes(5),
            },
        ],
        AgeRecipient = ageRecipient,
        LastProgressAt = lastProgressAt ?? Start,
        UpdatedAt = Start,
    };

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void After_completed_the_head_line_says_how_many_events_are_still_being_delivered_where_and_why()
    {
        var delivering = new RigBootstrap.Core.Events.DeliveryCursor
        {
            LastDeliveredSequence = 4,
            Receiver = "conductor.example",
            Pending = 3,
            LastError = "HTTP 503",
            NextTryAt = Start.AddMinutes(2),
        };

        var lines = Lines(StatusRenderer.Render(State(WorkflowState.Completed), Start.AddMinutes(1), StuckStep.DefaultDeadline, delivering));
        var waiting = Lines(StatusRenderer.Render(State(WorkflowState.Waiting), Start.AddMinutes(1), StuckStep.DefaultDeadline, delivering));

        lines[0].Should().Be("com.rig.bootstrap: Completed since 2026-11-25 12:00:00Z (1m 0s ago); delivering 3 events to conductor.example, last error HTTP 503, next try at 2026-11-25 12:02:00Z");
        waiting[0].Should().Be("com.rig.bootstrap: Waiting since 2026-11-25 12:00:00Z (1m 0s ago)", "before Completed, delivery runs beside the workflow and is not news");
    }

    [Fact]
    public void After_giving_up_the_head_line_names_every_event_that_was_never_delivered()
    {
        var gaveUp = new RigBootstrap.Core.Events.DeliveryCursor
        {
            LastDeliveredSequence = 4,
            Receiver = "conductor.example",
            Pending = 2,
            LastError = "HTTP 503",
            GaveUpAt = Start.AddHours(24),
            Undelivered = ["mini:com.rig.bootstrap:5", "mini:com.rig.bootstrap:6"],
        };
        var state = State(WorkflowState.Completed) with { Handoff = new HandoffRecord { AgentLabel = "rig-deploy", CleanedUpAt = Start.AddHours(24) } };

        var lines = Lines(StatusRenderer.Render(state, Start.AddHours(25), StuckStep.DefaultDeadline, gaveUp));

        lines[0].Should().Be("com.rig.bootstrap: Completed since 2026-11-25 12:00:00Z (1d 1h ago); 2 events never delivered to conductor.example "
            + "(gave up at 2026-11-26 12:00:00Z, events.deliverFor after Completed; last error HTTP 503): mini:com.rig.bootstrap:5, mini:com.rig.bootstrap:6");
    }

    [Fact]
    public void The_workflow_line_comes_first_with_state_since_reason_and_next()
    {
        var lines = Lines(StatusRenderer.Render(State(WorkflowState.Waiting), Start.AddMinutes(90)));

        lines[0].Should().Be("com.rig.bootstrap: Waiting since 2026-11-25 12:00:00Z (1h 30m ago)");
        lines[1].Should().Be("  why:  secrets: recipient not registered");
        lines[2].Should().Be("  next: register the age recipient");
    }

    [Fact]
    public void A_waiting_step_shows_what_it_waits_for_and_when_it_checks_again()
    {
        var text = StatusRenderer.Render(State(WorkflowState.Waiting), Start.AddMinutes(1));

        var row = Lines(text).Single(l => l.TrimStart().StartsWith("secrets", StringComparison.Ordinal));
        row.Should().Contain("Waiting").And.EndWith("recipient not registered: age1qqqq; checks again 2026-11-25 12:05:00Z");
    }

    [Fact]
    public void A_download_shows_bytes_done_of_total_rate_and_ETA_on_its_row()
    {
        // Arrange: 1.2 GB of 3 GB at 12 MB/s leaves 150 s.
        var state = State(WorkflowState.Waiting);
        state = state with
        {
            Steps = [.. state.Steps, new StepRecord
        {
            Id = "xcode", State = StepState.Waiting, Since = Start, Attempts = 1,
            WaitingFor = "downloading Xcode 16.2 from https://mirror.example/Xcode_16.2.xip", NextCheck = Start.AddSeconds(30),
            Progress = new StepProgress { BytesDone = 1_200_000_000, BytesTotal = 3_000_000_000, BytesPerSecond = 12_000_000, UpdatedAt = Start },
        }],
        };

        // Act
        var row = Lines(StatusRenderer.Render(state, Start.AddSeconds(10))).Single(l => l.TrimStart().StartsWith("xcode", StringComparison.Ordinal));

        // Assert
        row.Should().EndWith("downloading Xcode 16.2 from https://mirror.example/Xcode_16.2.xip: 1.20 GB of 3.00 GB (40%) at 12.0 MB/s, ETA 2m 30s, as of 2026-11-25 12:00:00Z");
    }

    [Fact]
    public void A_download_whose_size_is_not_known_yet_shows_the_bytes_so_far()
    {
        var text = ProgressText.Of(new StepProgress { BytesDone = 512, UpdatedAt = Start });

        text.Should().Be("512 B so far, as of 2026-11-25 12:00:00Z");
    }

    [Theory]
    [InlineData(WorkflowState.Running)]
    [InlineData(WorkflowState.Waiting)]
    [InlineData(WorkflowState.AwaitingReboot)]
    public void STUCK_names_the_step_and_how_long_once_no_step_has_finished_for_more_than_two_hours(WorkflowState workflow)
    {
        // Arrange
        var state = State(workflow);

        // Act
        var justUnder = StatusRenderer.Render(state, Start.AddHours(2));
        var over = StatusRenderer.Render(state, Start.AddHours(3).AddMinutes(2));

        // Assert
        justUnder.Should().NotContain("STUCK");
        Lines(over)[3].Should().Be(
            "  STUCK in step secrets for 3h 2m: it is Waiting and no step has finished since 2026-11-25 12:00:00Z (deadline 2h 0m)");
    }

    [Fact]
    public void A_shorter_deadline_makes_STUCK_appear_sooner()
    {
        var text = StatusRenderer.Render(State(WorkflowState.Waiting), Start.AddMinutes(31), TimeSpan.FromMinutes(30));

        text.Should().Contain("STUCK in step secrets for 31m 0s");
    }

    [Theory]
    [InlineData(WorkflowState.Completed)]
    [InlineData(WorkflowState.Halted)]
    public void STUCK_never_appears_for_a_completed_or_halted_workflow(WorkflowState workflow)
    {
        var text = StatusRenderer.Render(State(workflow), Start.AddDays(3));

        text.Should().NotContain("STUCK");
    }

    [Fact]
    public void While_secrets_waits_the_age_recipient_line_says_to_register_it()
    {
        var text = StatusRenderer.Render(State(WorkflowState.Waiting, ageRecipient: "age1examplerecipient"), Start);

        text.Should().Contain("  register it: add this host's age recipient to the fleet's SOPS file; secrets waits for it: age1examplerecipient");
    }

    [Fact]
    public void Once_secrets_has_the_key_the_age_recipient_is_shown_without_the_call_to_action()
    {
        var state = State(WorkflowState.Completed, ageRecipient: "age1examplerecipient");
        state = state.WithStep(state.Step("secrets") with { State = StepState.Succeeded });

        var text = StatusRenderer.Render(state, Start);

        text.Should().Contain("  age recipient: age1examplerecipient").And.NotContain("register it");
    }

    [Fact]
    public void Without_an_age_recipient_there_is_no_recipient_line()
    {
        var text = StatusRenderer.Render(State(WorkflowState.Waiting), Start);

        text.Should().NotContain("age recipient:").And.NotContain("register it:");
    }

    [Fact]
    public void No_line_ends_in_padding()
    {
        var text = StatusRenderer.Render(State(WorkflowState.Completed), Start);

        Lines(text).Should().OnlyContain(l => l == l.TrimEnd());
    }

    [Fact]
    public void A_failed_step_shows_its_error_and_when_it_retries_and_a_parked_one_waits_for_the_boot()
    {
        var state = State(WorkflowState.Running) with
        {
            Steps =
            [
                new StepRecord { Id = "brew", State = StepState.Failed, Since = Start, Attempts = 2, LastError = "`/bin/sh` exited 1: no network", NextCheck = Start.AddMinutes(1) },
                new StepRecord { Id = "autologin", State = StepState.AwaitingReboot, Since = Start, Attempts = 1, WaitingFor = "reboot: autologin" },
            ],
        };

        var lines = Lines(StatusRenderer.Render(state, Start));

        lines.Single(l => l.TrimStart().StartsWith("brew", StringComparison.Ordinal)).Should().EndWith("`/bin/sh` exited 1: no network; retries 2026-11-25 12:01:00Z");
        lines.Single(l => l.TrimStart().StartsWith("autologin", StringComparison.Ordinal)).Should().EndWith("reboot: autologin; verified after the next boot");
    }
}
