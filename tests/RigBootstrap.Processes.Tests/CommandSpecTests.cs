using System.Collections.Immutable;

namespace RigBootstrap.Processes.Tests;

public sealed class CommandSpecTests
{
    [Theory]
    [InlineData("sh")]
    [InlineData("bin/sh")]
    [InlineData("./sh")]
    [InlineData("")]
    public void A_relative_file_name_is_rejected(string fileName)
    {
        var create = () => new CommandSpec { FileName = fileName };

        create.Should().Throw<ArgumentException>().WithMessage("*absolute path*");
    }

    [Fact]
    public void Numeric_settings_out_of_range_are_rejected()
    {
        var negativeGrace = () => new CommandSpec { FileName = "/bin/sh", GracePeriod = TimeSpan.FromSeconds(-1) };
        var zeroTimeout = () => new CommandSpec { FileName = "/bin/sh", Timeout = TimeSpan.Zero };
        var zeroTail = () => new CommandSpec { FileName = "/bin/sh", OutputTailBytes = 0 };

        negativeGrace.Should().Throw<ArgumentOutOfRangeException>();
        zeroTimeout.Should().Throw<ArgumentOutOfRangeException>();
        zeroTail.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Defaults_match_the_documented_contract()
    {
        var spec = new CommandSpec { FileName = "/bin/true" };

        spec.Arguments.Should().BeEmpty();
        spec.AllowedExitCodes.Should().Equal(0);
        spec.GracePeriod.Should().Be(TimeSpan.FromSeconds(2));
        spec.OutputDrainTimeout.Should().Be(TimeSpan.FromSeconds(2));
        spec.OutputTailBytes.Should().Be(64 * 1024);
        spec.Timeout.Should().BeNull();
        spec.StandardInput.Should().Be(StandardInput.None);
    }

    [Fact]
    public void The_display_string_is_shell_quoted_and_masked()
    {
        var spec = new CommandSpec
        {
            FileName = "/usr/bin/security",
            Arguments = ["unlock-keychain", "-p", "pa ss", "/Users/ci/My Keychain"],
            WorkingDirPath = "/tmp/work dir",
            Environment = ImmutableDictionary<string, string?>.Empty.Add("LANG", "C").Add("DROP", null),
            Secrets = ["pa ss"],
        };

        var display = spec.ToDisplayString();

        display.Should().Be(
            "cd '/tmp/work dir' && env -u DROP 'LANG=C' /usr/bin/security unlock-keychain -p '****' '/Users/ci/My Keychain'");
        spec.ToString().Should().Be(display);
    }

    [Fact]
    public void Standard_input_content_never_shows_in_text_forms()
    {
        var spec = new CommandSpec { FileName = "/bin/cat", StandardInput = StandardInput.FromText("AGE-SECRET-KEY-1XYZ") };

        spec.ToString().Should().NotContain("AGE-SECRET-KEY");
        spec.StandardInput.ToString().Should().Be("stdin: text (19 chars)");
    }

    [Fact]
    public void Bytes_given_as_an_array_are_copied()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var input = StandardInput.FromBytes(bytes);

        bytes[0] = 9;

        input.GetBytes().ToArray().Should().Equal(1, 2, 3);
    }

    [Fact]
    public void The_masked_copy_keeps_no_secret_anywhere()
    {
        var spec = new CommandSpec
        {
            FileName = "/bin/tool",
            Arguments = ["--token=s3cret"],
            Environment = ImmutableDictionary<string, string?>.Empty.Add("TOKEN", "s3cret"),
            StandardInput = StandardInput.FromText("s3cret"),
            Secrets = ["s3cret"],
        };

        var masked = spec.ToMasked();

        masked.Arguments.Should().Equal("--token=****");
        masked.Environment["TOKEN"].Should().Be("****");
        masked.StandardInput.Should().Be(StandardInput.None);
        masked.Secrets.Should().BeEmpty();
    }
}
