using System.Collections.Immutable;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerRedactionTests
{
    private const string Secret = "AGE-SECRET-KEY-1QQQ9SECRET";
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task A_secret_given_by_env_and_stdin_appears_in_no_message_line_or_result()
    {
        // Arrange: the child echoes the secret from env and stdin on both streams, then fails.
        var sink = new RecordingSink();
        var spec = Shell.Script("read line; echo \"env=$RIG_KEY stdin=$line\"; echo \"oops $RIG_KEY / $line\" >&2; exit 5") with
        {
            Environment = ImmutableDictionary<string, string?>.Empty.Add("RIG_KEY", Secret),
            StandardInput = StandardInput.FromText(Secret + "\n"),
            Secrets = [Secret],
            OutputSink = sink,
        };

        // Act
        var run = () => _runner.RunAsync(spec, CancellationToken.None);

        // Assert
        var failure = (await run.Should().ThrowAsync<ProcessFailedException>()).Which;
        var everything = new[]
        {
            failure.ToString(), failure.Message, failure.StderrTail, failure.Command.ToString(), failure.Result.ToString(),
            failure.Result.StdoutTail, spec.ToString(), spec.ToDisplayString(),
            string.Join('\n', failure.Command.Environment.Values), string.Join('\n', sink.Lines.Select(entry => entry.Line)),
        };
        everything.Should().AllSatisfy(text => text.Should().NotContain(Secret));
        failure.Result.StdoutTail.Should().Be("env=**** stdin=****\n");
        failure.StderrTail.Should().Be("oops **** / ****\n");
    }

    [Fact]
    public async Task A_secret_put_in_argv_by_mistake_is_masked_in_messages()
    {
        var spec = Shell.Script("echo \"token is $1\" >&2; exit 1", "--token=" + Secret) with { Secrets = [Secret] };

        var run = () => _runner.RunAsync(spec, CancellationToken.None);

        var failure = (await run.Should().ThrowAsync<ProcessFailedException>()).Which;
        failure.Message.Should().NotContain(Secret).And.Contain("'--token=****'");
        failure.Command.Arguments.Should().NotContain(argument => argument.Contains(Secret));
        failure.StderrTail.Should().Be("token is --token=****\n");
    }

    [Fact]
    public async Task Each_line_of_a_multi_line_secret_is_masked_in_output()
    {
        const string pem = "-----BEGIN KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n";
        var spec = new CommandSpec { FileName = "/bin/cat", StandardInput = StandardInput.FromText(pem), Secrets = [pem] };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Should().Be("****\n****\n****\n");
    }
}
