using RigBootstrap.ServiceDefinitions.Tests.TestKit;

namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class LaunchDaemonDefinitionTests
{
    private static LaunchDaemonDefinition EveryKeySet() => new()
    {
        Label = "com.rig.every-key",
        ProgramArguments = ["/usr/local/libexec/rig-bootstrap/rig-bootstrap", "run", "--root", "/tmp/host root"],
        RunAtLoad = true,
        KeepAliveUnlessSuccessfulExit = true,
        ThrottleIntervalSeconds = 30,
        ProcessType = "Background",
        UserName = "root",
        GroupName = "wheel",
        WorkingDirectory = "/var/db/rig-bootstrap",
        EnvironmentVariables = [new("PATH", "/usr/bin:/bin"), new("LANG", "en_US.UTF-8")],
        StandardOutPath = "/var/log/rig.out.log",
        StandardErrorPath = "/var/log/rig.err.log",
    };

    [Fact]
    public void The_plist_keys_come_in_a_fixed_order()
    {
        // Act
        var plist = EveryKeySet().ToPlist();

        // Assert
        plist.Keys.Should().Equal(
            "Label", "ProgramArguments", "RunAtLoad", "KeepAlive", "ThrottleInterval", "ProcessType", "UserName",
            "GroupName", "WorkingDirectory", "EnvironmentVariables", "StandardOutPath", "StandardErrorPath");
    }

    [Fact]
    public void Optional_keys_that_are_not_set_are_left_out()
    {
        // Arrange
        var definition = new LaunchDaemonDefinition { Label = "com.rig.minimal", ProgramArguments = ["/bin/echo"] };

        // Act
        var plist = definition.ToPlist();

        // Assert
        plist.Keys.Should().Equal("Label", "ProgramArguments", "RunAtLoad");
        plist.TryGetValue("RunAtLoad", out var runAtLoad).Should().BeTrue();
        runAtLoad.Should().Be(new PlistBoolean(false));
    }

    [Fact]
    public void Keep_alive_unless_successful_exit_is_written_as_a_dict_with_successful_exit_false()
    {
        // Act
        var plist = EveryKeySet().ToPlist();

        // Assert
        plist.TryGetValue("KeepAlive", out var keepAlive).Should().BeTrue();
        keepAlive.Should().Be(new PlistDictionary([new("SuccessfulExit", new PlistBoolean(false))]));
    }

    [Fact]
    public void Write_then_parse_then_from_plist_gives_back_the_definition()
    {
        // Arrange
        var definition = EveryKeySet();
        using var dir = new TempDir();

        // Act
        var written = PlistWriter.Write(definition.ToPlist());
        var readBack = LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(written));

        // Assert
        readBack.Should().BeEquivalentTo(definition, options => options.WithStrictOrdering());
        Plistutil.AssertAccepts(dir.WriteFile("every-key.plist", written));
    }

    [Fact]
    public void Values_with_markup_quotes_and_unicode_survive_the_round_trip()
    {
        // Arrange
        var definition = EveryKeySet() with
        {
            ProgramArguments = ["/opt/rig & co/bin/tool", "--name=<b>\"Ünïcødé\" 'quoted'</b>", "emoji 😀", "crlf\r\nline"],
            EnvironmentVariables = [new("QUERY", "a=1&b=2<3>"), new("GREETING", "こんにちは")],
            WorkingDirectory = "/Users/Shared/Rig & Co",
        };
        using var dir = new TempDir();

        // Act
        var written = PlistWriter.Write(definition.ToPlist());
        var readBack = LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(written));

        // Assert
        readBack.Should().BeEquivalentTo(definition, options => options.WithStrictOrdering());
        Plistutil.AssertAccepts(dir.WriteFile("escaped.plist", written));
    }

    [Fact]
    public void Keys_this_model_does_not_know_are_ignored_when_reading()
    {
        // Arrange
        var plist = new PlistDictionary(
        [
            new("Label", new PlistString("com.rig.extra")),
            new("ProgramArguments", new PlistArray([new PlistString("/bin/sleep"), new PlistString("1")])),
            new("StartCalendarInterval", new PlistDictionary([new("Minute", new PlistInteger(5))])),
            new("Sockets", new PlistArray([])),
        ]);

        // Act
        var definition = LaunchDaemonDefinition.FromPlist(plist);

        // Assert
        definition.Should().BeEquivalentTo(new LaunchDaemonDefinition { Label = "com.rig.extra", ProgramArguments = ["/bin/sleep", "1"] }, options => options.WithStrictOrdering());
    }

    [Theory]
    [InlineData("Label", "*Label is missing*")]
    [InlineData("ProgramArguments", "*ProgramArguments is missing*")]
    public void A_plist_without_label_or_program_arguments_gives_a_format_exception(string missingKey, string expectedMessage)
    {
        // Arrange
        var complete = EveryKeySet().ToPlist();
        var plist = new PlistDictionary([.. complete.Entries.Where(entry => entry.Key != missingKey)]);

        // Act
        var read = () => LaunchDaemonDefinition.FromPlist(plist);

        // Assert
        read.Should().Throw<FormatException>().WithMessage(expectedMessage);
    }

    [Theory]
    [MemberData(nameof(WronglyTypedPlists))]
    public void A_known_key_with_the_wrong_type_or_an_invalid_value_gives_a_format_exception(string key, PlistValue value, string expectedMessage)
    {
        // Arrange
        var complete = EveryKeySet().ToPlist();
        var plist = new PlistDictionary([.. complete.Entries.Select(entry => entry.Key == key ? new(key, value) : entry)]);

        // Act
        var read = () => LaunchDaemonDefinition.FromPlist(plist);

        // Assert
        read.Should().Throw<FormatException>().WithMessage(expectedMessage);
    }

    public static TheoryData<string, PlistValue, string> WronglyTypedPlists() => new()
    {
        { "Label", new PlistInteger(1), "*Label must be a <string>*" },
        { "Label", new PlistString("not a label"), "*invalid*reverse-DNS*" },
        { "ProgramArguments", new PlistString("/bin/echo"), "*ProgramArguments must be an <array> of <string>*" },
        { "ProgramArguments", new PlistArray([new PlistString("echo")]), "*must be an absolute path*" },
        { "RunAtLoad", new PlistString("yes"), "*RunAtLoad must be <true/> or <false/>*" },
        { "KeepAlive", new PlistBoolean(true), "*KeepAlive must be absent*" },
        { "KeepAlive", new PlistDictionary([new("Crashed", new PlistBoolean(true))]), "*KeepAlive must be absent*" },
        { "ThrottleInterval", new PlistInteger(long.MaxValue), "*ThrottleInterval must be an <integer> in the 32-bit range*" },
        { "ProcessType", new PlistString("Turbo"), "*ProcessType 'Turbo' is not one launchd knows*" },
        { "EnvironmentVariables", new PlistDictionary([new("N", new PlistInteger(1))]), "*EnvironmentVariables must be a <dict> of <string> values*" },
    };

    [Theory]
    [InlineData("")]
    [InlineData(".com.rig")]
    [InlineData("com rig")]
    [InlineData("com/rig")]
    [InlineData("com.rig\n")]
    [InlineData("com.rig_bootstrap")]
    public void A_label_that_is_not_reverse_dns_is_refused(string label)
    {
        // Act
        var create = () => new LaunchDaemonDefinition { Label = label, ProgramArguments = ["/bin/echo"] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("*reverse-DNS*");
    }

    [Fact]
    public void Empty_program_arguments_are_refused()
    {
        // Act
        var create = () => new LaunchDaemonDefinition { Label = "com.rig.x", ProgramArguments = [] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("ProgramArguments must list the program*");
    }

    [Fact]
    public void A_relative_program_is_refused_even_through_with()
    {
        // Arrange
        var definition = EveryKeySet();

        // Act
        var change = () => definition with { ProgramArguments = ["rig-bootstrap", "run"] };

        // Assert
        change.Should().Throw<ArgumentException>().WithMessage("ProgramArguments[0] 'rig-bootstrap' must be an absolute path*");
    }

    [Fact]
    public void An_environment_variable_set_twice_is_refused()
    {
        // Act
        var create = () => EveryKeySet() with { EnvironmentVariables = [new("PATH", "/bin"), new("PATH", "/usr/bin")] };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("Environment variable 'PATH' is set twice*");
    }

    [Fact]
    public void A_negative_throttle_interval_is_refused()
    {
        // Act
        var create = () => EveryKeySet() with { ThrottleIntervalSeconds = -1 };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("ThrottleInterval -1 must not be negative*");
    }

    [Fact]
    public void A_start_interval_is_written_after_keep_alive_and_read_back()
    {
        // Arrange: a periodic LaunchAgent such as the fleet agent's pull loop (launchd.plist(5) StartInterval).
        var definition = new LaunchDaemonDefinition { Label = "ai.invotek.rig-deploy", ProgramArguments = ["/bin/true"], RunAtLoad = true, StartIntervalSeconds = 300 };

        // Act
        var plist = definition.ToPlist();
        var readBack = LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(PlistWriter.Write(plist)));

        // Assert
        plist.Keys.Should().Equal("Label", "ProgramArguments", "RunAtLoad", "StartInterval");
        plist.TryGetValue("StartInterval", out var interval).Should().BeTrue();
        interval.Should().Be(new PlistInteger(300));
        readBack.Should().BeEquivalentTo(definition);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_start_interval_that_is_not_positive_is_refused(int seconds)
    {
        // Act
        var create = () => EveryKeySet() with { StartIntervalSeconds = seconds };

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage($"StartInterval {seconds} must be a positive number of seconds*");
    }
}
