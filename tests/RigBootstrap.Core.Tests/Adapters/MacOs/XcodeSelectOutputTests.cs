using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class XcodeSelectOutputTests
{
    [Fact]
    public void Every_xcode_select_fixture_is_used_here()
    {
        var source = File.ReadAllText(Path.Join(RepositoryRoot.Find(), "tests", "RigBootstrap.Core.Tests", "Adapters", "MacOs", "XcodeSelectOutputTests.cs"));

        MacOsFixtures.NamesStartingWith("xcode-select-").Should().OnlyContain(name => source.Contains('"' + name + '"', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xcode-select-p-clt.txt", "/Library/Developer/CommandLineTools")]
    [InlineData("xcode-select-p-xcode.txt", "/Applications/Xcode.app/Contents/Developer")]
    public void The_developer_directory_is_read_from_real_output(string fixture, string expected)
    {
        XcodeSelectOutput.ParseDeveloperDir(MacOsFixtures.ReadText(fixture)).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("Library/Developer/CommandLineTools\n")]
    [InlineData("/Library/Developer/CommandLineTools\n/Applications/Xcode.app/Contents/Developer\n")]
    public void Anything_but_one_absolute_path_is_a_format_exception(string stdout)
    {
        var act = () => XcodeSelectOutput.ParseDeveloperDir(stdout);

        act.Should().Throw<FormatException>().WithMessage("*not one absolute developer directory path*");
    }

    [Fact]
    public void The_fresh_Mac_error_says_nothing_is_selected()
    {
        XcodeSelectOutput.SaysNoneSelected(MacOsFixtures.ReadText("xcode-select-p-unset-sonoma-14.6.1.stderr.txt")).Should().BeTrue();
        XcodeSelectOutput.SaysNoneSelected(MacOsFixtures.ReadText("xcode-select-p-clt.txt")).Should().BeFalse();
    }

    [Fact]
    public void The_shim_error_of_a_fresh_Mac_names_the_missing_developer_path()
    {
        XcodeSelectOutput.ShimMissingDeveloperPath(MacOsFixtures.ReadText("xcode-select-p-git-xcrun-missing-fresh-mac.txt"))
            .Should().Be("/Library/Developer/CommandLineTools");
        XcodeSelectOutput.ShimMissingDeveloperPath("fatal: not a git repository\n").Should().BeNull();
    }
}
