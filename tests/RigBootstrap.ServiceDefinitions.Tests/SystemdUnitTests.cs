namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class SystemdUnitTests
{
    private static SystemdUnit Valid() => new() { Description = "test unit", ExecStart = ["/bin/true"] };

    [Theory]
    [InlineData("true")]
    [InlineData("./true")]
    public void A_relative_program_is_refused(string program)
    {
        // Act
        var create = () => Valid() with { ExecStart = [program] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage($"ExecStart[0] '{program}' must be an absolute path*");
    }

    [Theory]
    [InlineData("/opt/back\\slash/tool")]
    [InlineData("/opt/\"quoted\"/tool")]
    [InlineData("/opt/it's/tool")]
    public void A_program_path_with_a_backslash_or_quote_is_refused_because_systemd_refuses_it(string program)
    {
        // Act
        var create = () => Valid() with { ExecStart = [program] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("*backslash or quote, which systemd refuses*");
    }

    [Fact]
    public void An_empty_command_line_is_refused()
    {
        // Act
        var create = () => Valid() with { ExecStart = [] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("ExecStart must list the program*");
    }

    [Fact]
    public void An_unknown_restart_policy_is_refused_listing_the_known_ones()
    {
        // Act
        var create = () => Valid() with { Restart = "sometimes" };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("Restart=sometimes is not a value systemd accepts; use one of no, on-success, on-failure*");
    }

    [Fact]
    public void An_unknown_service_type_is_refused()
    {
        // Act
        var create = () => Valid() with { Type = "daemon" };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("Type=daemon is not a value systemd accepts*");
    }

    [Theory]
    [InlineData("1PATH")]
    [InlineData("MY-VAR")]
    [InlineData("A=B")]
    [InlineData("")]
    public void An_environment_name_systemd_would_not_accept_is_refused(string name)
    {
        // Act
        var create = () => Valid() with { Environment = [new(name, "x")] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage($"Environment variable '{name}' needs a name*");
    }

    [Fact]
    public void An_environment_variable_set_twice_is_refused()
    {
        // Act
        var create = () => Valid() with { Environment = [new("PATH", "/bin"), new("PATH", "/usr/bin")] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("Environment variable 'PATH' is set twice*");
    }

    [Theory]
    [InlineData("two words.target")]
    [InlineData("")]
    public void A_dependency_that_is_not_a_unit_name_is_refused(string name)
    {
        // Act
        var create = () => Valid() with { After = [name] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage($"After: '{name}' is not a unit name*");
    }

    [Fact]
    public void A_negative_restart_delay_is_refused()
    {
        // Act
        var create = () => Valid() with { RestartSec = -5 };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("RestartSec=-5 must not be negative*");
    }

    [Fact]
    public void An_exit_status_above_255_is_refused()
    {
        // Act
        var create = () => Valid() with { SuccessExitStatus = [143, 300] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("SuccessExitStatus=143 300: an exit status is between 0 and 255*");
    }
}
