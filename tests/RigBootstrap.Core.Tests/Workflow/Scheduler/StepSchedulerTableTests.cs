using System.Globalization;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using static RigBootstrap.Core.State.StepState;

namespace RigBootstrap.Core.Tests.Workflow.Scheduler;

/// <summary>
/// <see cref="StepScheduler.Decide"/> on its own, one named row per branch: each step state against its dependencies'
/// states, a check due or not (and exactly due), this boot or an earlier one, a step that reboots the host itself, a
/// wait that ends with a boot. The row's name is the test case's name, so a failure says which case.
/// (Decide cannot answer Stuck for a valid definition: some unfinished step always has its dependencies done, and every
/// state of it leads somewhere; the engine's tests cover the halts.)
/// </summary>
public sealed class StepSchedulerTableTests
{
    private const string ThisBoot = "boot-2";
    private const string EarlierBootId = "boot-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(5);

    private static readonly SchedulerCase[] Cases =
    [
        // Done.
        new("every step succeeded: complete", [new("a", Succeeded), new("b", Succeeded, "a")], "complete"),
        new("succeeded and skipped steps: complete", [new("a", Skipped), new("b", Succeeded, "a")], "complete"),

        // Pending and Running, and dependencies.
        new("the first pending step runs", [new("a", Pending), new("b", Pending, "a")], "run a"),
        new("a step left Running (its run died) runs again", [new("a", Running), new("b", Pending, "a")], "run a"),
        new("pending steps run in workflow order", [new("b", Pending), new("a", Pending)], "run b"),
        new("a pending step runs once its dependency succeeded", [new("a", Succeeded), new("b", Pending, "a")], "run b"),
        new("a skipped dependency counts as done", [new("a", Skipped), new("b", Pending, "a")], "run b"),
        new("a pending step waits on its waiting dependency", [new("a", Waiting) { NextCheckIn = Soon, WaitingFor = "x" }, new("b", Pending, "a")], "wait until 12:05:00 (a: x)"),
        new("a pending step waits on its failed dependency in backoff", [new("a", Failed) { NextCheckIn = Soon, LastError = "exit 1" }, new("b", Pending, "a")], "wait until 12:05:00 (a: exit 1)"),
        new("a step needs every dependency done", [new("a", Succeeded), new("c", Waiting) { NextCheckIn = Soon, WaitingFor = "x" }, new("b", Pending, "a", "c")], "wait until 12:05:00 (c: x)"),

        // Waiting and Failed: the check due or not.
        new("waiting with its check ahead: wait until it", [new("a", Waiting) { NextCheckIn = Soon, WaitingFor = "recipient" }], "wait until 12:05:00 (a: recipient)"),
        new("waiting with its check due exactly now: runs", [new("a", Waiting) { NextCheckIn = TimeSpan.Zero, WaitingFor = "recipient" }], "run a"),
        new("waiting with its check past: runs", [new("a", Waiting) { NextCheckIn = TimeSpan.FromMinutes(-1), WaitingFor = "recipient" }], "run a"),
        new("waiting with no check time: runs", [new("a", Waiting) { WaitingFor = "recipient" }], "run a"),
        new("failed in backoff: wait, naming its last error", [new("a", Failed) { NextCheckIn = TimeSpan.FromSeconds(30), LastError = "exit 1" }], "wait until 12:00:30 (a: exit 1)"),
        new("failed with its backoff over: runs again", [new("a", Failed) { NextCheckIn = TimeSpan.FromSeconds(-1), LastError = "exit 1" }], "run a"),
        new("failed with no retry time: runs", [new("a", Failed) { LastError = "exit 1" }], "run a"),
        new("attempts used up do not change the decision (the executor halts)", [new("a", Failed) { LastError = "exit 1", Attempts = 3 }], "run a"),
        new("a wait with neither reason nor error says waiting", [new("a", Waiting) { NextCheckIn = Soon }], "wait until 12:05:00 (a: waiting)"),
        new("two waits: the soonest check, every reason in order", [new("a", Waiting) { NextCheckIn = TimeSpan.FromMinutes(10), WaitingFor = "x" }, new("b", Waiting) { NextCheckIn = Soon, WaitingFor = "y" }], "wait until 12:05:00 (a: x; b: y)"),
        new("a runnable step goes before a waiting one", [new("a", Waiting) { NextCheckIn = Soon, WaitingFor = "x" }, new("b", Pending)], "run b"),

        // AwaitingReboot: this boot (parked) or an earlier one (verify now).
        new("parked for a reboot in this boot, nothing else: reboot", [new("a", AwaitingReboot)], "reboot for a"),
        new("awaiting a reboot from an earlier boot: runs (to verify)", [new("a", AwaitingReboot) { EarlierBoot = true }], "run a"),
        new("two parked steps: one reboot for both", [new("a", AwaitingReboot), new("b", AwaitingReboot)], "reboot for a, b"),
        new("a runnable step goes before the reboot", [new("a", AwaitingReboot), new("b", Pending)], "run b"),
        new("a waiting step holds back the reboot", [new("a", AwaitingReboot), new("b", Waiting) { NextCheckIn = Soon, WaitingFor = "x" }], "wait until 12:05:00 (b: x)"),
        new("a failed step in backoff holds back the reboot", [new("a", AwaitingReboot), new("b", Failed) { NextCheckIn = Soon, LastError = "exit 1" }], "wait until 12:05:00 (b: exit 1)"),
        new("a step depending on a parked one waits for the reboot", [new("a", AwaitingReboot), new("b", Pending, "a")], "reboot for a"),

        // A step that reboots the host itself (os-upgrade).
        new("a self-rebooting step runs when it is alone", [new("os", Pending) { RebootsItself = true }], "run os"),
        new("a self-rebooting step goes after an ordinary runnable step", [new("os", Pending) { RebootsItself = true }, new("b", Pending)], "run b"),
        new("a waiting step holds back the self-rebooting step", [new("os", Pending) { RebootsItself = true }, new("b", Waiting) { NextCheckIn = Soon, WaitingFor = "x" }], "wait until 12:05:00 (b: x)"),
        new("a self-rebooting step goes before a parked reboot", [new("a", AwaitingReboot), new("os", Pending) { RebootsItself = true }], "run os"),
        new("a self-rebooting step goes before a wait that ends with a boot", [new("k", Waiting) { NextCheckIn = Soon, WaitsEndWithABoot = true, WaitingFor = "login keychain" }, new("os", Pending) { RebootsItself = true }], "run os"),
        new("a due self-rebooting wait runs like any due wait", [new("os", Waiting) { NextCheckIn = TimeSpan.Zero, RebootsItself = true, WaitingFor = "mdm" }], "run os"),

        // A wait that ends with a boot (keychain).
        new("a wait that ends with a boot does not hold back the reboot", [new("a", AwaitingReboot), new("k", Waiting) { NextCheckIn = Soon, WaitsEndWithABoot = true, WaitingFor = "login keychain" }], "reboot for a"),
        new("alone, a wait that ends with a boot is waited for", [new("k", Waiting) { NextCheckIn = Soon, WaitsEndWithABoot = true, WaitingFor = "login keychain" }], "wait until 12:05:00 (k: login keychain)"),
        new("a due wait that ends with a boot runs", [new("k", Waiting) { NextCheckIn = TimeSpan.Zero, WaitsEndWithABoot = true, WaitingFor = "login keychain" }], "run k"),
        new("an ordinary wait is waited for, not one that ends with a boot", [new("k", Waiting) { NextCheckIn = TimeSpan.FromMinutes(1), WaitsEndWithABoot = true, WaitingFor = "login keychain" }, new("b", Waiting) { NextCheckIn = Soon, WaitingFor = "x" }], "wait until 12:05:00 (b: x)"),
        new("the trait is about waits: a failed step with it in backoff holds back the reboot", [new("a", AwaitingReboot), new("k", Failed) { NextCheckIn = Soon, WaitsEndWithABoot = true, LastError = "locked" }], "wait until 12:05:00 (k: locked)"),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Decide(string name)
    {
        // Arrange
        var row = Cases.Single(c => c.Name == name);
        var definition = WorkflowDefinition.Create(row.Steps.Select(Step));
        var state = State(row.Steps);

        // Act
        var decision = StepScheduler.Decide(definition, state, ThisBoot, Now);

        // Assert
        Describe(decision).Should().Be(row.Expected, name);
    }

    [Fact]
    public void Every_row_has_its_own_name()
    {
        Cases.Select(c => c.Name).Should().OnlyHaveUniqueItems();
    }

    private static IStep Step(CaseStep step) => new ScriptedStep(step.Id, "/nonexistent", step.DependsOn)
    {
        Traits = new StepTraits { Description = step.Id, RebootsItself = step.RebootsItself, WaitsEndWithABoot = step.WaitsEndWithABoot },
    };

    private static StateFile State(CaseStep[] steps) => new()
    {
        Version = "test",
        Label = "com.rig.bootstrap",
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = WorkflowState.Running, Since = Now, Reason = "test" },
        BootId = ThisBoot,
        Steps = [.. steps.Select(s => new StepRecord
        {
            Id = s.Id,
            State = s.State,
            Since = Now.AddHours(-1),
            Attempts = s.Attempts,
            NextCheck = s.NextCheckIn is { } inTime ? Now + inTime : null,
            BootId = s.EarlierBoot ? EarlierBootId : ThisBoot,
            WaitingFor = s.WaitingFor,
            LastError = s.LastError,
        })],
        UpdatedAt = Now,
    };

    private static string Describe(SchedulerDecision decision) => decision switch
    {
        SchedulerDecision.Complete => "complete",
        SchedulerDecision.RunStep run => $"run {run.StepId}",
        SchedulerDecision.WaitUntil wait => string.Create(CultureInfo.InvariantCulture, $"wait until {wait.Until.UtcDateTime:HH:mm:ss} ({wait.Reason})"),
        SchedulerDecision.Reboot reboot => $"reboot for {string.Join(", ", reboot.ForSteps)}",
        SchedulerDecision.Stuck stuck => $"stuck: {stuck.Reason}",
        _ => decision.ToString(),
    };
}
