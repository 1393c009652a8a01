using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerExitCodeTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task An_exit_code_outside_the_allowed_set_throws_with_the_code_the_command_and_the_stderr_tail()
    {
        var spec = Shell.Script("echo 'disk is full' >&2; exit 3");

        var run = () => _runner.RunAsync(spec, CancellationToken.None);

        var failure = (await run.Should().ThrowAsync<ProcessFailedException>()).Which;
        failure.ExitCode.Should().Be(3);
        failure.StderrTail.Should().Be("disk is full\n");
        failure.Message.Should().Contain("code 3").And.Contain("disk is full").And.Contain(spec.ToDisplayString());
        failure.Command.FileName.Should().Be("/bin/sh");
    }

    [Fact]
    public async Task An_allowed_non_zero_exit_code_returns_a_result()
    {
        var spec = Shell.Script("exit 3") with { AllowedExitCodes = [0, 3] };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.ExitCode.Should().Be(3);
    }

    [Fact]
    public async Task An_empty_allowed_set_accepts_any_exit_code()
    {
        var spec = Shell.Script("exit 42") with { AllowedExitCodes = [] };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.ExitCode.Should().Be(42);
    }
}
