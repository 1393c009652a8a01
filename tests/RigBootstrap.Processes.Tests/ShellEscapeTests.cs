using System.Collections.Immutable;

namespace RigBootstrap.Processes.Tests;

public sealed class ShellEscapeTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("/usr/bin/security", "/usr/bin/security")]
    [InlineData("--flag=value", "'--flag=value'")]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    public void Words_are_quoted_only_when_a_shell_would_change_them(string argument, string expected)
    {
        ShellEscape.Quote(argument).Should().Be(expected);
    }

    [Fact]
    public async Task Quoted_words_reach_a_real_shell_unchanged()
    {
        // Arrange
        ImmutableArray<string> words =
        [
            "", "a b", "it's", "'", "''", "\"double\"", "$HOME", "`id`", "$(id)", "\\", "a\\'b", "*", "~",
            "#comment", "semi;colon", "pipe|amp&", "line1\nline2", "tab\tstop", "ünï 😀", "-n", "!bang",
        ];
        var script = "printf '%s\\0' " + string.Join(' ', words.Select(ShellEscape.Quote));
        var spec = new CommandSpec { FileName = "/bin/sh", Arguments = ["-c", script], Timeout = TimeSpan.FromSeconds(20) };

        // Act
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(spec, CancellationToken.None);

        // Assert
        result.StdoutTail.Split('\0')[..^1].Should().Equal(words);
    }
}
