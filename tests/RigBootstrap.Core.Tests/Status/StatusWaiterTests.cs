using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Status;

public sealed class StatusWaiterTests : IDisposable
{
    private const string Label = "com.rig.bootstrap";
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private readonly TempHostRoot _root = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingLaunchd _launchd = new();

    public StatusWaiterTests() => _launchd.Jobs[Label] = new ServiceStatus(Label, "running", 100, null, 1);

    private StatusWaiter Waiter => new(_root.Paths, _launchd, _time);

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData(WorkflowState.Completed, WaitOutcome.Completed)]
    [InlineData(WorkflowState.Halted, WaitOutcome.Halted)]
    public async Task A_final_workflow_returns_at_once_without_asking_launchd(WorkflowState workflow, WaitOutcome expected)
    {
        // Arrange
        Save(workflow);
        _launchd.Jobs.Clear();

        // Act
        var result = await Waiter.WaitAsync(Timeout, CancellationToken.None);

        // Assert
        result.Outcome.Should().Be(expected);
        result.State!.Workflow.State.Should().Be(workflow);
        _launchd.Calls.Should().BeEmpty("a finished workflow needs no daemon");
    }

    [Fact]
    public async Task It_returns_Completed_once_the_daemon_writes_it_during_the_wait()
    {
        // Arrange
        Save(WorkflowState.Waiting);
        var wait = Waiter.WaitAsync(Timeout, CancellationToken.None);

        // Act
        _time.Advance(TimeSpan.FromMinutes(1));
        Save(WorkflowState.Completed);
        var result = await _time.AdvanceUntilDoneAsync(wait, TimeSpan.FromSeconds(1));

        // Assert
        result.Outcome.Should().Be(WaitOutcome.Completed);
        _launchd.Calls.Should().NotBeEmpty().And.OnlyContain(c => c == $"print {Label}");
    }

    [Fact]
    public async Task An_unfinished_workflow_whose_daemon_is_not_loaded_fails_fast_without_waiting()
    {
        // Arrange
        Save(WorkflowState.Running);
        _launchd.Jobs.Clear();

        // Act: no time passes at all.
        var result = await Waiter.WaitAsync(Timeout, CancellationToken.None);

        // Assert
        result.Outcome.Should().Be(WaitOutcome.DaemonNotLoaded);
        result.Message.Should().Contain($"the daemon {Label} is not loaded").And.Contain("launchctl bootstrap system").And.Contain("install --config");
        _time.GetUtcNow().Should().Be(Start);
    }

    [Fact]
    public async Task A_daemon_that_unloads_during_the_wait_ends_it_at_the_next_poll()
    {
        // Arrange
        Save(WorkflowState.Waiting);
        var wait = Waiter.WaitAsync(Timeout, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        // Act
        _launchd.Jobs.Clear();
        var result = await _time.AdvanceUntilDoneAsync(wait, TimeSpan.FromSeconds(1));

        // Assert
        result.Outcome.Should().Be(WaitOutcome.DaemonNotLoaded);
        (_time.GetUtcNow() - Start).Should().BeLessThan(TimeSpan.FromMinutes(1), "the next poll, seconds later, notices");
    }

    [Fact]
    public async Task The_handoff_booting_the_daemon_out_after_persisting_Completed_is_not_mistaken_for_a_dead_daemon()
    {
        // Arrange: between our read of HandingOff and our question, the daemon persists Completed and boots out (docs/invariants.md I8).
        Save(WorkflowState.HandingOff);
        _launchd.OnCall = _ =>
        {
            Save(WorkflowState.Completed);
            _launchd.Jobs.Clear();
        };

        // Act
        var result = await Waiter.WaitAsync(Timeout, CancellationToken.None);

        // Assert
        result.Outcome.Should().Be(WaitOutcome.Completed);
    }

    [Fact]
    public async Task The_timeout_ends_the_wait_and_says_where_the_workflow_is()
    {
        // Arrange
        Save(WorkflowState.Waiting);

        // Act
        var result = await _time.AdvanceUntilDoneAsync(Waiter.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None), TimeSpan.FromSeconds(1));

        // Assert
        result.Outcome.Should().Be(WaitOutcome.TimedOut);
        result.Message.Should().Be("timed out after 00:05:00; the workflow is still Waiting: secrets: recipient not registered");
        (_time.GetUtcNow() - Start).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(5)).And.BeLessThan(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_host_without_state_is_not_installed()
    {
        var result = await Waiter.WaitAsync(Timeout, CancellationToken.None);

        result.Outcome.Should().Be(WaitOutcome.NotInstalled);
        result.State.Should().BeNull();
        result.Message.Should().Contain(_root.Paths.StatePath);
    }

    [Fact]
    public async Task Canceling_the_wait_throws_instead_of_reporting_an_outcome()
    {
        Save(WorkflowState.Running);
        using var cancel = new CancellationTokenSource();
        var wait = Waiter.WaitAsync(Timeout, cancel.Token);

        await cancel.CancelAsync();

        await wait.Invoking(async w => await w).Should().ThrowAsync<OperationCanceledException>();
    }

    private void Save(WorkflowState workflow) => new StateFileStore(_root.Paths).Save(new StateFile
    {
        Version = "test",
        Label = Label,
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = workflow, Since = Start, Reason = "secrets: recipient not registered" },
        BootId = "boot-1",
        Steps = [new StepRecord { Id = "secrets", State = StepState.Waiting, Since = Start }],
        UpdatedAt = _time.GetUtcNow(),
    });
}
