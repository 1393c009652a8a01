using System.Text;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerArgumentTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Arguments_arrive_in_the_child_argv_byte_for_byte()
    {
        // Arrange: the awkward cases of Windows-style re-parsing, quoting and encoding.
        string[] arguments =
        [
            "", "a b", "a\"b", "a\\", "a\\\\\"b", "-flag", "--x=y z", "ünïcødé ✓ 😀", "line1\nline2", "tab\there",
            "'single'", "$HOME `id` *", "trailing space ",
        ];
        var spec = Shell.Script("printf '%s\\0' \"$@\"", arguments);

        // Act
        var result = await _runner.RunAsync(spec, CancellationToken.None);

        // Assert
        var received = Encoding.UTF8.GetBytes(result.StdoutTail);
        var expected = Encoding.UTF8.GetBytes(string.Concat(arguments.Select(argument => argument + "\0")));
        received.Should().Equal(expected);
    }

    [Fact]
    public async Task A_program_is_started_directly_without_a_shell_in_between()
    {
        var spec = new CommandSpec { FileName = "/bin/echo", Arguments = ["$HOME", "*"] };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Should().Be("$HOME *\n");
    }
}
