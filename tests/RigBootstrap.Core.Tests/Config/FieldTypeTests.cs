namespace RigBootstrap.Core.Tests.Config;

public sealed class FieldTypeTests
{
    [Theory]
    [InlineData("label", "42", "must be a string, not a number")]
    [InlineData("agent", "\"claude\"", "must be an object, not a string")]
    [InlineData("steps.xcode.version", "16.2", "must be a string, not a number; set it to an Xcode version such as 16.2")]
    [InlineData("steps.xcode", "\"16.2\"", "must be an object, not a string; write it as { \"version\": \"16.2\", \"xip\": { \"url\": \"https://…\", \"sha256\": \"…\" } }")]
    [InlineData("steps.keychain.items", "{}", "must be an array, not an object")]
    [InlineData("steps.keychain.items[0]", "\"CLAUDE_OAUTH_JSON\"", "must be an object, not a string")]
    [InlineData("reboot.maxReboots", "\"6\"", "must be a number, not a string; use a whole number from 1 to 50")]
    [InlineData("commands", "{}", "must be an array, not an object")]
    [InlineData("commands[0].asUser", "\"yes\"", "must be true or false, not a string")]
    [InlineData("commands[0].requiresReboot", "null", "must be true or false, not null")]
    [InlineData("commands[0].run", "\"/bin/sh -c true\"", "must be an array, not a string")]
    [InlineData("commands[0].run[1]", "1", "must be a string, not a number; quote every argument")]
    [InlineData("commands[0].dependsOn[0]", "true", "must be a string, not a boolean")]
    [InlineData("commands[0].retry", "3", "must be an object, not a number")]
    [InlineData("commands[0].timeout", "3600", "must be a string, not a number; use hh:mm:ss such as 00:01:00")]
    [InlineData("tools", "[]", "must be an object, not an array")]
    public void A_value_of_the_wrong_type_is_named_with_the_type_expected(string path, string value, string message)
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().StartWith($"{path} {message}");
    }

    [Theory]
    [InlineData("reboot.maxBootsWithoutProgress", "0", 1, 20)]
    [InlineData("reboot.maxBootsWithoutProgress", "21", 1, 20)]
    [InlineData("reboot.maxRebootsPerStep", "11", 1, 10)]
    [InlineData("reboot.maxReboots", "51", 1, 50)]
    [InlineData("daemon.throttleIntervalSeconds", "3601", 1, 3600)]
    [InlineData("daemon.maxCrashesPerBoot", "0", 1, 100)]
    [InlineData("commands[0].retry.attempts", "101", 1, 100)]
    [InlineData("commands[0].retry.attempts", "-1", 1, 100)]
    public void A_number_out_of_its_range_is_refused_with_the_range(string path, string value, int min, int max)
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().StartWith($"{path} is {value}, which is not allowed; use a whole number from {min} to {max}, such as ");
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("3.0")]
    [InlineData("1e1")]
    [InlineData("99999999999")]
    public void A_number_that_is_not_a_whole_number_in_range_is_refused_where_an_integer_is_expected(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw("commands[0].retry.attempts", value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].retry.attempts");
        error.Message.Should().Contain("use a whole number from 1 to 100, such as 3");
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("00:01")]
    [InlineData("5")]
    [InlineData("-00:01:00")]
    [InlineData("00:60:00")]
    [InlineData("1:00:00:00")]
    public void A_duration_not_in_hh_mm_ss_form_is_refused(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.handoff.stableFor", value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.handoff.stableFor");
        error.Message.Should().Be($"steps.handoff.stableFor is not a duration (\"{value}\"); use hh:mm:ss such as 00:01:00");
    }

    [Theory]
    [InlineData("reboot.shutdownGrace")]
    [InlineData("commands[0].retry.backoff")]
    [InlineData("commands[0].timeout")]
    [InlineData("events.deliverFor")]
    public void A_zero_duration_is_refused(string path)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, "00:00:00");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be($"{path} must be longer than zero; use hh:mm:ss such as 00:01:00");
    }

    [Fact]
    public void Events_deliver_for_is_read_defaults_to_a_day_and_refuses_more_than_a_week()
    {
        // Arrange
        var set = ConfigJson.DesignExample().Set("events.deliverFor", "02:30:00");
        var unset = ConfigJson.DesignExample();
        var tooLong = ConfigJson.DesignExample().Set("events.deliverFor", "8.00:00:00");

        // Act
        var config = RigBootstrap.Core.Config.ConfigLoader.Parse(set.ToString(), ConfigErrors.FilePath);
        var defaulted = RigBootstrap.Core.Config.ConfigLoader.Parse(unset.ToString(), ConfigErrors.FilePath);
        var error = ConfigErrors.Single(tooLong);

        // Assert
        config.Events!.DeliverFor.Should().Be(TimeSpan.FromMinutes(150));
        defaulted.Events!.DeliverFor.Should().Be(TimeSpan.FromHours(24));
        error.FieldPath.Should().Be("events.deliverFor");
        error.Message.Should().Be("events.deliverFor is 8.00:00:00, longer than the 7.00:00:00 allowed; use a shorter duration (use hh:mm:ss such as 00:01:00)");
    }

    [Fact]
    public void A_duration_of_days_and_fractions_of_seconds_is_read()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("commands[0].timeout", "2.03:04:05.5");

        // Act
        var config = RigBootstrap.Core.Config.ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Commands[0].Timeout.Should().Be(new TimeSpan(2, 3, 4, 5, 500));
    }

    [Fact]
    public void A_stability_window_not_shorter_than_the_handoff_timeout_is_refused()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.handoff.stableFor", "00:30:00");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.handoff.stableFor");
        error.Message.Should().Be("steps.handoff.stableFor (00:30:00) must be shorter than steps.handoff.timeout (00:30:00); "
            + "shorten stableFor or lengthen timeout");
    }

    [Fact]
    public void An_unknown_reboot_mode_names_the_allowed_modes()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("reboot.mode", "Auto");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("reboot.mode");
        error.Message.Should().Be("reboot.mode must be one of \"auto\", \"manual\", not \"Auto\"");
    }
}
