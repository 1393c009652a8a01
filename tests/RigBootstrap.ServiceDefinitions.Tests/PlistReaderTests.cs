using RigBootstrap.ServiceDefinitions.Tests.TestKit;

namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class PlistReaderTests
{
    private const string Header =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
        + "<plist version=\"1.0\">\n";

    [Fact]
    public void The_homebrew_fragment_as_quoted_is_not_a_plist_and_gives_a_format_exception_with_its_position()
    {
        // Arrange: the fixture is a quoted fragment: three extra leading spaces per line, cut off inside <dict>.
        var fragment = MacOsFixtures.ReadText("plist-homebrew-redis-fragment.txt");

        // Act
        var parse = () => PlistReader.Parse(fragment);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("*line 1, position *");
    }

    [Fact]
    public void The_homebrew_fragment_without_its_quote_indent_is_still_cut_off_and_gives_a_format_exception()
    {
        // Arrange
        var unindented = string.Join('\n', MacOsFixtures.ReadText("plist-homebrew-redis-fragment.txt").Split('\n').Select(line => line.StartsWith("   ", StringComparison.Ordinal) ? line[3..] : line));

        // Act
        var parse = () => PlistReader.Parse(unindented);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("*not well-formed XML at line *");
    }

    [Fact]
    public void The_homebrew_fragment_completed_with_its_closing_tags_reads_as_the_daemon_homebrew_wrote()
    {
        // Arrange
        var unindented = string.Join('\n', MacOsFixtures.ReadText("plist-homebrew-redis-fragment.txt").Split('\n').Select(line => line.StartsWith("   ", StringComparison.Ordinal) ? line[3..] : line));
        var completed = unindented + "</dict>\n</plist>\n";

        // Act
        var definition = LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(completed));

        // Assert
        definition.Should().BeEquivalentTo(new LaunchDaemonDefinition
        {
            Label = "homebrew.mxcl.redis",
            ProgramArguments = ["/usr/local/opt/redis/bin/redis-server", "/usr/local/etc/redis.conf"],
            RunAtLoad = true,
            KeepAliveUnlessSuccessfulExit = true,
            WorkingDirectory = "/usr/local/var",
            StandardErrorPath = "/usr/local/var/log/redis.log",
        }, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Whitespace_inside_a_string_is_data_and_whitespace_between_elements_is_not()
    {
        // Arrange
        var xml = Header + "<array>\n  <string>  two spaces  </string>\n\n  <string>\n\t</string>\n</array>\n</plist>\n";

        // Act
        var value = PlistReader.Parse(xml);

        // Assert
        value.Should().Be(new PlistArray([new PlistString("  two spaces  "), new PlistString("\n\t")]));
    }

    [Theory]
    [InlineData("<dict>\n<key>a</key>\n<string>x</string>\n<key>a</key>\n<true/>\n</dict>", "*line 7, position 2: the key 'a' appears twice*")]
    [InlineData("<dict>\n<key>a</key>\n</dict>", "*the key 'a' has no value*")]
    [InlineData("<dict>\n<string>no key</string>\n</dict>", "*line 5, position 2: expected <key> in <dict>, found <string>*")]
    [InlineData("<uid>1</uid>", "*<uid> is not supported*")]
    [InlineData("<data>not base64!</data>", "*<data> does not hold base64*")]
    [InlineData("<date>yesterday</date>", "*<date> holds 'yesterday'*")]
    [InlineData("<integer>ten</integer>", "*'ten', which is not a 64-bit decimal integer*")]
    [InlineData("<integer>99999999999999999999</integer>", "*not a 64-bit decimal integer*")]
    [InlineData("<true>yes</true>", "*<true/> must be empty*")]
    [InlineData("<string>a</string>\n<string>b</string>", "*<plist> must hold exactly one value*")]
    [InlineData("<array>\nloose text\n</array>", "*expected a value element, found Text*")]
    [InlineData("<string>unclosed\n</plist>", "*not well-formed XML at line 5, position 3*")]
    public void A_malformed_plist_gives_a_format_exception_that_says_where_and_what(string body, string expectedMessage)
    {
        // Arrange
        var xml = Header + body + "\n</plist>\n";

        // Act
        var parse = () => PlistReader.Parse(xml);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage(expectedMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?>\n<dict/>\n")]
    [InlineData("<plist version=\"1.0\"/>")]
    public void Text_that_is_not_a_plist_document_gives_a_format_exception(string text)
    {
        // Act
        var parse = () => PlistReader.Parse(text);

        // Assert
        parse.Should().Throw<FormatException>();
    }

    [Fact]
    public void An_external_entity_is_never_resolved_so_a_plist_cannot_pull_in_a_local_file()
    {
        // Arrange
        using var dir = new TempDir();
        var secretFilePath = dir.WriteFile("secret.txt", "top secret");
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + $"<!DOCTYPE plist [ <!ENTITY secret SYSTEM \"{new Uri(secretFilePath).AbsoluteUri}\"> ]>\n"
            + "<plist version=\"1.0\">\n<string>&secret;</string>\n</plist>\n";

        // Act
        var parse = () => PlistReader.Parse(xml);

        // Assert
        parse.Should().Throw<FormatException>().Which.Message.Should().NotContain("top secret");
    }

    [Fact]
    public void The_doctype_s_apple_url_is_not_fetched_so_parsing_works_offline()
    {
        // Arrange: an unreachable DTD address; resolving it would fail or hang, ignoring it just parses.
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://unreachable.invalid/PropertyList-1.0.dtd\">\n"
            + "<plist version=\"1.0\">\n<true/>\n</plist>\n";

        // Act
        var value = PlistReader.Parse(xml);

        // Assert
        value.Should().Be(new PlistBoolean(true));
    }
}
