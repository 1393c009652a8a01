using RigBootstrap.ServiceDefinitions.Tests.TestKit;

namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class SystemdUnitWriterTests
{
    private static SystemdUnit Minimal(params string[] execStart) => new()
    {
        Description = "test unit",
        ExecStart = [.. execStart],
    };

    [Fact]
    public void Sections_come_in_the_order_unit_service_install()
    {
        // Act
        var written = SystemdUnitWriter.Write(DefaultConfigDefinitions.Unit());

        // Assert
        var sections = written.Split('\n').Where(line => line.StartsWith('[')).ToList();
        sections.Should().Equal("[Unit]", "[Service]", "[Install]");
        written.Should().EndWith("\n").And.NotContain("\r");
    }

    [Fact]
    public void A_unit_without_wanted_by_has_no_install_section()
    {
        // Act
        var written = SystemdUnitWriter.Write(Minimal("/bin/true"));

        // Assert
        written.Should().Be("[Unit]\nDescription=test unit\n\n[Service]\nExecStart=/bin/true\n");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\path", "\"C:\\\\path\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("100%", "100%%")]
    [InlineData("%h", "%%h")]
    [InlineData("$HOME", "$$HOME")]
    [InlineData("${HOME}/x y", "\"$${HOME}/x y\"")]
    [InlineData(";", "\";\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("Grüße 😀", "\"Grüße 😀\"")]
    public void Exec_start_arguments_are_quoted_and_escaped_by_systemd_s_rules(string argument, string expected)
    {
        // Act
        var written = SystemdUnitWriter.Write(Minimal("/bin/echo", argument));

        // Assert
        written.Should().Contain($"\nExecStart=/bin/echo {expected}\n");
    }

    [Fact]
    public void The_program_path_doubles_percent_but_keeps_dollar_because_systemd_does_not_expand_it_there()
    {
        // Act
        var written = SystemdUnitWriter.Write(Minimal("/opt/100% sure/$bin/tool", "$arg"));

        // Assert
        written.Should().Contain("\nExecStart=\"/opt/100%% sure/$bin/tool\" $$arg\n");
    }

    [Fact]
    public void Environment_is_written_quoted_with_backslash_quote_and_percent_escaped_and_dollar_kept()
    {
        // Arrange
        var unit = Minimal("/bin/true") with { Environment = [new("GREETING", "say \"hi\" \\ 50% $HOME"), new("EMPTY", "")] };

        // Act
        var written = SystemdUnitWriter.Write(unit);

        // Assert
        written.Should().Contain("\nEnvironment=\"GREETING=say \\\"hi\\\" \\\\ 50%% $HOME\"\nEnvironment=\"EMPTY=\"\n");
    }

    [Fact]
    public void Description_working_directory_and_user_double_percent_signs()
    {
        // Arrange
        var unit = Minimal("/bin/true") with { Description = "100% rig", WorkingDirectory = "/srv/50%", User = "rig%u" };

        // Act
        var written = SystemdUnitWriter.Write(unit);

        // Assert
        written.Should().Contain("Description=100%% rig\n").And.Contain("WorkingDirectory=/srv/50%%\n").And.Contain("User=rig%%u\n");
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("escape\u001b")]
    public void A_control_character_in_an_argument_is_refused_naming_the_argument(string argument)
    {
        // Act
        var write = () => SystemdUnitWriter.Write(Minimal("/bin/echo", "ok", argument));

        // Assert
        write.Should().Throw<ArgumentException>().WithMessage("ExecStart[2]: the character U+*");
    }

    [Fact]
    public void A_control_character_in_an_environment_value_is_refused_naming_the_variable()
    {
        // Act
        var write = () => SystemdUnitWriter.Write(Minimal("/bin/true") with { Environment = [new("TOKEN", "a\nb")] });

        // Assert
        write.Should().Throw<ArgumentException>().WithMessage("Environment TOKEN: the character U+000A*");
    }

    [Theory]
    [InlineData("ends with a backslash \\")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    public void A_description_the_line_parser_would_change_is_refused(string description)
    {
        // Act
        var write = () => SystemdUnitWriter.Write(Minimal("/bin/true") with { Description = description });

        // Assert
        write.Should().Throw<ArgumentException>().WithMessage("Description: *which systemd would change*");
    }

    [SystemdAnalyzeFact]
    public void A_unit_with_awkward_arguments_and_a_program_path_with_space_percent_and_dollar_passes_systemd_analyze_verify()
    {
        // Arrange: verify resolves the program path after unquoting and unescaping, so a path holding a space,
        // '%' and '$' only verifies if the writer escaped it the way systemd reads it.
        using var dir = new TempDir();
        var programPath = dir.WriteExecutableStub(Path.Combine("odd dir 100% $x", "tool"));
        var unit = DefaultConfigDefinitions.Unit() with
        {
            ExecStart = [programPath, "run", "", "two words", "say \"hi\"", "back\\slash", "%h", "$HOME", ";", "Grüße 😀"],
            Environment = [new("PATH", "/usr/bin:/bin"), new("ODD", "quote \" backslash \\ 100% $HOME")],
            WorkingDirectory = dir.DirPath,
            User = "root",
        };
        var unitFilePath = dir.WriteFile(Path.Combine("units", "rig-odd.service"), SystemdUnitWriter.Write(unit));

        // Act and Assert
        SystemdAnalyze.AssertVerifies(unitFilePath);
    }
}
