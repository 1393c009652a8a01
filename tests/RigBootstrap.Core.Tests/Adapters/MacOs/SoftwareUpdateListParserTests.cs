using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SoftwareUpdateListParserTests
{
    public static TheoryData<string, SoftwareUpdate[]> ListFixtures() => new()
    {
        {
            // Two XType noise lines and a leading blank line are skipped; the second update is deferred.
            "softwareupdate-list-update-available-monterey.txt",
            [
                new SoftwareUpdate
                {
                    Label = "macOS Monterey 12.6.2-21G320", Title = "macOS Monterey 12.6.2", Version = "12.6.2",
                    SizeKiB = 1508533, Recommended = true, Action = SoftwareUpdateAction.Restart,
                },
                new SoftwareUpdate
                {
                    Label = "macOS Ventura 13.1-22C65", Title = "macOS Ventura 13.1", Version = "13.1",
                    SizeKiB = 3878650, Recommended = true, Action = SoftwareUpdateAction.Restart, Deferred = true,
                },
            ]
        },
        {
            "softwareupdate-list-update-available-bigsur.txt",
            [
                new SoftwareUpdate
                {
                    Label = "macOS Big Sur 11.1 Beta 2-20C5061b", Title = "macOS Big Sur 11.1 Beta 2", Version = "11.1",
                    SizeKiB = 2746951, Recommended = true, Action = SoftwareUpdateAction.Restart,
                },
            ]
        },
        {
            // No Action field: the line ends in "Recommended: YES,".
            "softwareupdate-list-update-available-catalina.txt",
            [
                new SoftwareUpdate
                {
                    Label = "Safari14.0CatalinaAuto-14.0", Title = "Safari", Version = "14.0", SizeKiB = 65417, Recommended = true,
                },
            ]
        },
        {
            // The old format: "   * label", then a tab and "title (version), sizeK [recommended]".
            "softwareupdate-list-update-available-mojave.txt",
            [
                new SoftwareUpdate
                {
                    Label = "Safari14.0MojaveAuto-14.0", Title = "Safari", Version = "14.0", SizeKiB = 67309, Recommended = true,
                },
            ]
        },
        { "softwareupdate-list-none.txt", [] },
    };

    // The install outputs are SoftwareUpdateOutputClassifierTests' fixtures; together the two cover the family.
    public static IEnumerable<string> ClassifierFixtureNames =>
        SoftwareUpdateOutputClassifierTests.Fixtures().Select(row => (string)row[0]).Where(name => name.StartsWith("softwareupdate-", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ListFixtures))]
    public void Each_list_fixture_gives_its_updates(string fixtureName, SoftwareUpdate[] expected)
    {
        // Arrange
        var output = MacOsFixtures.ReadText(fixtureName);

        // Act
        var updates = SoftwareUpdateListParser.Parse(output);

        // Assert
        updates.Should().Equal(expected);
    }

    [Fact]
    public void The_full_installers_fixture_gives_its_two_rows()
    {
        // Arrange
        var output = MacOsFixtures.ReadText("softwareupdate-list-full-installers.txt");

        // Act
        var installers = SoftwareUpdateListParser.ParseFullInstallers(output);

        // Assert
        installers.Should().Equal(
            new MacOsFullInstaller { Title = "macOS Sonoma", Version = new MacOsVersion(14, 3), SizeKiB = 13073941, Build = "23D56" },
            new MacOsFullInstaller { Title = "macOS Sonoma", Version = new MacOsVersion(14, 2, 1), SizeKiB = 13066225, Build = "23C71" });
    }

    [Fact]
    public void Every_softwareupdate_fixture_is_covered_by_a_test()
    {
        // Act
        var covered = ListFixtures().Select(row => (string)row[0])
            .Append("softwareupdate-list-full-installers.txt")
            .Concat(ClassifierFixtureNames)
            .Concat(CommandLineToolsLabelTests.FixtureNames)
            .Concat(CommandLineToolsInstallOutputTests.FixtureNames)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("softwareupdate-"));
    }

    [Fact]
    public void Kib_sizes_shut_down_and_none_actions_and_crlf_are_read()
    {
        // Arrange
        var output = "Software Update found the following new or updated software:\r\n"
            + "* Label: macOS Tahoe 26.2-25C56\r\n"
            + "\tTitle: macOS Tahoe 26.2, Version: 26.2, Size: 3693075KiB, Recommended: YES, Action: restart, \r\n"
            + "* Label: Firmware-1.0\r\n"
            + "\tTitle: Firmware, Version: 1.0, Size: 12K, Recommended: NO, Action: shut down,\r\n"
            + "* Label: Safari-26\r\n"
            + "\tTitle: Safari, Version: 26.0, Size: 1KiB, Recommended: YES, Action: none, Deferred: NO\r\n";

        // Act
        var updates = SoftwareUpdateListParser.Parse(output);

        // Assert
        updates.Select(update => (update.SizeKiB, update.Recommended, update.Action)).Should().Equal(
            (3693075L, true, SoftwareUpdateAction.Restart),
            (12L, false, SoftwareUpdateAction.Other),
            (1L, true, SoftwareUpdateAction.None));
    }

    [Fact]
    public void The_mojave_restart_flag_sets_the_action_and_an_odd_size_is_null()
    {
        // Arrange
        var output = "Software Update found the following new or updated software:\n"
            + "   * macOS Mojave 10.14.6 Supplemental Update-\n"
            + "\tmacOS Mojave 10.14.6 Supplemental Update (1.0), 1234567K [recommended] [restart]\n"
            + "* Label: Odd-1\n"
            + "\tTitle: Odd, Version: 1, Size: 3 MB, Recommended: YES, Action: none,\n";

        // Act
        var updates = SoftwareUpdateListParser.Parse(output);

        // Assert
        updates.Should().Equal(
            new SoftwareUpdate
            {
                Label = "macOS Mojave 10.14.6 Supplemental Update-",
                Title = "macOS Mojave 10.14.6 Supplemental Update",
                Version = "1.0",
                SizeKiB = 1234567,
                Recommended = true,
                Action = SoftwareUpdateAction.Restart,
            },
            new SoftwareUpdate { Label = "Odd-1", Title = "Odd", Version = "1", SizeKiB = null, Recommended = true, Action = SoftwareUpdateAction.None });
    }

    [Theory]
    [InlineData("", "lists no update")]
    [InlineData("Software Update Tool\n\nFinding available software\n", "lists no update")]
    [InlineData("softwareupdate: unrecognized option `--lst'\n", "lists no update")]
    [InlineData("* Label: macOS Ventura 13.1-22C65\n", "the label 'macOS Ventura 13.1-22C65' has no title line")]
    [InlineData("* Label: A-1\n* Label: B-1\n\tTitle: B, Version: 1, Size: 1K, Recommended: YES,\n", "the label 'A-1' has no title line")]
    [InlineData("\tTitle: Safari, Version: 14.0, Size: 65417K, Recommended: YES,\n", "follows no label line")]
    [InlineData("* Label: A-1\n\tTitle: A, Size: 1K, Recommended: YES, Action: none,\n", "has no Version")]
    [InlineData("* Label: A-1\n\tTitle: , Version: 1, Size: 1K,\n", "has no Title")]
    [InlineData("* Label: A-1\n\tsomething else entirely\n", "is neither")]
    [InlineData("   * Safari14.0MojaveAuto-14.0\n\tSafari 14.0, 67309K [recommended]\n", "is neither")]
    public void Unreadable_lists_give_a_format_exception_naming_the_problem(string output, string problem)
    {
        // Act
        var parse = () => SoftwareUpdateListParser.Parse(output);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage($"softwareupdate printed a list that cannot be read: *{problem}*");
    }

    [Fact]
    public void A_full_installers_header_without_rows_is_an_empty_list()
    {
        // Act
        var installers = SoftwareUpdateListParser.ParseFullInstallers("Finding available software\nSoftware Update found the following full installers:\n");

        // Assert
        installers.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "has no installer rows")]
    [InlineData("usage: softwareupdate <cmd> [<args> ...]\n", "has no installer rows")]
    [InlineData("* Title: macOS Sonoma, Size: 1KiB, Build: 23D56, Deferred: NO\n", "has no Version")]
    [InlineData("* Title: macOS Sonoma, Version: 14.3, Size: 1KiB, Deferred: NO\n", "has no Build")]
    [InlineData("* Title: macOS Sonoma, Version: 14.3 beta, Size: 1KiB, Build: 23D56, Deferred: NO\n", "not a macOS version")]
    public void Unreadable_full_installer_output_gives_a_format_exception(string output, string problem)
    {
        // Act
        var parse = () => SoftwareUpdateListParser.ParseFullInstallers(output);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }
}
