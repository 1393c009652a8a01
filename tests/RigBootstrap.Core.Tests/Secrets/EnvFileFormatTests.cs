using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class EnvFileFormatTests
{
    [Theory]
    [InlineData("value", "value")]
    [InlineData("", "")]
    [InlineData("https://example.com/a?b=c", "\"https://example.com/a?b=c\"")]
    [InlineData("another value", "\"another value\"")]
    [InlineData("line1\nline2", "\"line1\\nline2\"")]
    [InlineData("say \"hi\" $HOME `id` \\", "\"say \\\"hi\\\" \\$HOME \\`id\\` \\\\\"")]
    [InlineData("crlf\r\n", "\"crlf\\r\\n\"")]
    [InlineData("#not-a-comment", "\"#not-a-comment\"")]
    [InlineData("a=b,c:d/e@f", "a=b,c:d/e@f")]
    public void Values_are_bare_when_safe_and_double_quoted_with_escapes_otherwise(string value, string written)
    {
        EnvFileFormat.Quote(value).Should().Be(written);
    }

    [Fact]
    public void The_sops_nix_values_render_with_nested_and_list_names()
    {
        // Arrange
        SopsSecret[] values = [new("test_key", "test_value"), new("a_list__0", "e1"), new("a_list__1", "e3"), new("nested__test__file", "another value")];

        // Act
        var text = EnvFileFormat.Render(values);

        // Assert
        text.Should().Be("test_key=test_value\na_list__0=e1\na_list__1=e3\nnested__test__file=\"another value\"\n");
    }

    [Fact]
    public void Every_rendered_value_parses_back_to_itself()
    {
        // Arrange
        SopsSecret[] values =
        [
            new("A", "plain"), new("B", ""), new("C", "sp ace"), new("D", "multi\nline\r\n"), new("E", "q\"uo'te"),
            new("F", "back\\slash\\n"), new("G", "$VAR `cmd`"), new("H", "trailing=equals="), new("I", "ünïcødé ✓"),
            new("J", "-----BEGIN PGP MESSAGE-----\n\nhQEMA\n=MU7I\n-----END PGP MESSAGE-----\n"),
        ];

        // Act
        var parsed = EnvFileFormat.Parse(EnvFileFormat.Render(values));

        // Assert
        parsed.Should().BeEquivalentTo(values.ToDictionary(v => v.Name, v => v.Value));
    }

    [Theory]
    [InlineData("NOEQUALS\n", "line 1 is not NAME=value")]
    [InlineData("A=\"open\n", "line 1 opens a quote it does not close")]
    [InlineData("A=ok\nB=\"ends in \\\"\n", "line 2 ends in a lone backslash")]
    public void A_damaged_env_file_names_the_line_and_not_the_value(string text, string message)
    {
        // Act
        var act = () => EnvFileFormat.Parse(text);

        // Assert
        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Secrets_never_print_their_values()
    {
        new SopsSecret("AGENT_PASSWORD", "hunter2").ToString().Should().Be("AGENT_PASSWORD=****");
    }
}
