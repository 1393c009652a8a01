using System.Collections.Immutable;
using System.Diagnostics;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>CommandStep with the real process runner and /bin/sh, on a temporary host root.</summary>
public sealed class CommandStepTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly PersistedFacts _facts = new();

    public void Dispose() => _root.Dispose();

    private CommandStep Step(string run, string? check = null, bool requiresReboot = false, bool asUser = false, TimeSpan? timeout = null) =>
        new(new CommandStepConfig
        {
            Id = "sample",
            Run = ["/bin/sh", "-c", run],
            Check = check is null ? [] : ["/bin/sh", "-c", check],
            RequiresReboot = requiresReboot,
            AsUser = asUser,
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        },
        new CommandEnvironment { Paths = _root.Paths, AgentUser = "rig", AgentHome = "/Users/rig" },
        new ProcessRunner(TimeProvider.System));

    private string UnderRoot(string name) => Path.Join(_root.Paths.RootDirPath, name);

    [Theory]
    [InlineData("exit 0", true)]
    [InlineData("exit 1", false)]
    public async Task The_probe_is_the_check_command_exiting_0(string check, bool satisfied)
    {
        var step = Step("exit 0", check);

        var probed = await step.ProbeAsync(_facts.NewContext("sample"), CancellationToken.None);

        probed.Should().Be(satisfied);
    }

    [Fact]
    public async Task A_run_that_exits_non_zero_fails_retryably_with_the_exit_code_and_the_last_stderr_line()
    {
        var step = Step("echo 'first complaint' >&2; echo 'the real cause' >&2; exit 3");

        var result = await step.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeTrue();
        fail.Reason.Should().Be("`/bin/sh` exited 3: the real cause");
    }

    [Fact]
    public async Task A_failing_run_without_stderr_reports_its_last_stdout_line()
    {
        var step = Step("echo 'progress'; echo 'gave up at stage 2'; exit 4");

        var result = await step.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        result.Should().Be(new ApplyResult.Fail("`/bin/sh` exited 4: gave up at stage 2", Retryable: true));
    }

    [Fact]
    public async Task A_run_that_succeeds_is_done_and_one_that_requires_a_reboot_needs_one()
    {
        var plain = Step("exit 0");
        var rebooting = Step("exit 0", requiresReboot: true);

        var done = await plain.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);
        var parked = await rebooting.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        done.Should().BeOfType<ApplyResult.Done>();
        parked.Should().BeOfType<ApplyResult.NeedsReboot>().Which.Reason.Should().Contain("requiresReboot");
    }

    [Fact]
    public async Task A_run_past_its_timeout_is_stopped_and_fails_naming_the_timeout()
    {
        var step = Step("exec sleep 30", timeout: TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var result = await step.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Reason.Should().Contain("timed out after 00:00:00.5");
        fail.Retryable.Should().BeTrue();
        // The bound is the behaviour: timeout + the runner's 2 s grace + 3 s of slack.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(0.5 + 2 + 3));
    }

    [Fact]
    public async Task Verify_without_a_check_passes_and_with_a_failing_check_names_the_check()
    {
        var withoutCheck = Step("exit 0");
        var withFailingCheck = Step("exit 0", check: "exit 1");

        var passed = await withoutCheck.VerifyAsync(_facts.NewContext("sample"), CancellationToken.None);
        var failed = await withFailingCheck.VerifyAsync(_facts.NewContext("sample"), CancellationToken.None);

        passed.Should().Be(VerifyResult.Passed);
        failed.Ok.Should().BeFalse();
        failed.Problem.Should().Be("the check `/bin/sh -c exit 1` still fails");
    }

    [Fact]
    public async Task The_command_sees_the_host_root_its_step_id_a_fixed_path_and_runs_in_the_root()
    {
        // pwd -P on both sides, so a temporary directory behind a symlink still compares equal.
        var step = Step("""printf '%s\n' "$RIG_HOST_ROOT" "$RIG_STEP_ID" "$PATH" "$([ "$(pwd -P)" = "$(cd "$RIG_HOST_ROOT" && pwd -P)" ] && echo in-root)" > "$RIG_HOST_ROOT/env.txt" """);

        var result = await step.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Done>();
        File.ReadAllLines(UnderRoot("env.txt")).Should().Equal(_root.Paths.RootDirPath, "sample", CommandEnvironment.DaemonPath, "in-root");
    }

    [Fact]
    public async Task Arguments_reach_the_program_one_by_one_never_joined()
    {
        var step = new CommandStep(
            new CommandStepConfig { Id = "sample", Run = ["/bin/sh", "-c", """printf '%s\n' "$@" > "$RIG_HOST_ROOT/args.txt" """, "sh", "two words", "it's \"quoted\"", "$HOME"] },
            new CommandEnvironment { Paths = _root.Paths, AgentUser = "rig", AgentHome = "/Users/rig" },
            new ProcessRunner(TimeProvider.System));

        await step.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        File.ReadAllLines(UnderRoot("args.txt")).Should().Equal("two words", "it's \"quoted\"", "$HOME");
    }

    [Fact]
    public async Task An_as_user_command_under_a_simulated_root_runs_as_the_current_user()
    {
        var step = Step("""id -un > "$RIG_HOST_ROOT/user.txt" """, asUser: true);

        var result = await step.ApplyAsync(_facts.NewContext("sample"), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Done>();
        File.ReadAllText(UnderRoot("user.txt")).Trim().Should().Be(Environment.UserName);
    }

    [Fact]
    public void Its_traits_come_from_the_config()
    {
        var step = new CommandStep(
            new CommandStepConfig { Id = "brew", Run = ["/bin/sh", "-c", "true"], RequiresReboot = true, DependsOn = ["secrets"], Retry = new RetryConfig { Attempts = 5, Backoff = TimeSpan.FromSeconds(7) } },
            new CommandEnvironment { Paths = _root.Paths, AgentUser = "rig", AgentHome = "/Users/rig" },
            new FakeProcessRunner());

        step.Traits.Should().BeEquivalentTo(new { MaxAttempts = 5, RetryBackoff = TimeSpan.FromSeconds(7), MayNeedReboot = true, Description = "command: /bin/sh -c true (then reboot)" });
        step.DependsOn.Should().Equal(ImmutableArray.Create("secrets"));
    }
}
