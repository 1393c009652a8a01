using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerUserTests
{
    [RootOnLinuxFact]
    public async Task A_command_runs_as_the_requested_user()
    {
        var spec = new CommandSpec { FileName = "/usr/bin/id", Arguments = ["-un"], UserName = "nobody" };

        var result = await new ProcessRunner(TimeProvider.System).RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Should().Be("nobody\n");
    }
}
