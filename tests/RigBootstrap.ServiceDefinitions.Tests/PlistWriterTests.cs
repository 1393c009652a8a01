using RigBootstrap.ServiceDefinitions.Tests.TestKit;

namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class PlistWriterTests
{
    [Fact]
    public void A_written_plist_starts_with_exactly_apple_s_three_header_lines()
    {
        // Arrange
        var appleHeader = MacOsFixtures.ReadText("plist-header.txt");

        // Act
        var written = PlistWriter.Write(new PlistDictionary([new("Label", new PlistString("com.rig.example"))]));

        // Assert
        appleHeader.Split('\n').Should().HaveCount(4, "the fixture is three lines, each ending in LF");
        written.Should().StartWith(appleHeader);
        WriteAndCheckWithPlistutil(written);
    }

    [Fact]
    public void Nested_values_are_indented_with_tabs_and_use_apple_s_empty_and_boolean_forms()
    {
        // Arrange
        var root = new PlistDictionary(
        [
            new("Flags", new PlistArray([new PlistBoolean(true), new PlistBoolean(false), new PlistArray([])])),
            new("Inner", new PlistDictionary([new("Count", new PlistInteger(-42)), new("Empty", PlistDictionary.Empty)])),
        ]);

        // Act
        var written = PlistWriter.Write(root);

        // Assert
        var body = written[MacOsFixtures.ReadText("plist-header.txt").Length..];
        body.Should().Be(
            "<dict>\n"
            + "\t<key>Flags</key>\n"
            + "\t<array>\n"
            + "\t\t<true/>\n"
            + "\t\t<false/>\n"
            + "\t\t<array/>\n"
            + "\t</array>\n"
            + "\t<key>Inner</key>\n"
            + "\t<dict>\n"
            + "\t\t<key>Count</key>\n"
            + "\t\t<integer>-42</integer>\n"
            + "\t\t<key>Empty</key>\n"
            + "\t\t<dict/>\n"
            + "\t</dict>\n"
            + "</dict>\n"
            + "</plist>\n");
        WriteAndCheckWithPlistutil(written);
    }

    [Fact]
    public void The_output_has_only_lf_line_endings_and_one_final_newline()
    {
        // Arrange
        var root = new PlistArray([new PlistString("one"), new PlistString("two")]);

        // Act
        var written = PlistWriter.Write(root);

        // Assert
        written.Should().NotContain("\r");
        written.Should().EndWith("</plist>\n").And.NotEndWith("\n\n");
        WriteAndCheckWithPlistutil(written);
    }

    [Theory]
    [InlineData("fish & chips", "<string>fish &amp; chips</string>")]
    [InlineData("a < b > c", "<string>a &lt; b &gt; c</string>")]
    [InlineData("</string><true/>", "<string>&lt;/string&gt;&lt;true/&gt;</string>")]
    [InlineData("say \"hi\" and 'bye'", "<string>say \"hi\" and 'bye'</string>")]
    [InlineData("Grüße, 東京, 😀", "<string>Grüße, 東京, 😀</string>")]
    [InlineData("tab\there", "<string>tab\there</string>")]
    [InlineData("line\r\nbreak", "<string>line&#xD;\nbreak</string>")]
    [InlineData("", "<string></string>")]
    public void Text_is_escaped_so_the_document_stays_well_formed_and_reads_back_unchanged(string value, string expectedElement)
    {
        // Arrange
        var root = new PlistDictionary([new(value.Length == 0 ? "empty" : value, new PlistString(value))]);

        // Act
        var written = PlistWriter.Write(root);
        var readBack = PlistReader.Parse(written);

        // Assert
        written.Should().Contain(expectedElement);
        readBack.Should().Be(root);
        WriteAndCheckWithPlistutil(written);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    public void Integers_are_written_in_invariant_decimal_and_read_back_unchanged(long value)
    {
        // Arrange
        var root = new PlistArray([new PlistInteger(value)]);

        // Act
        var written = PlistWriter.Write(root);

        // Assert
        PlistReader.Parse(written).Should().Be(root);
        WriteAndCheckWithPlistutil(written);
    }

    [Fact]
    public void A_control_character_in_a_nested_value_is_refused_naming_its_key_path()
    {
        // Arrange
        var root = new PlistDictionary(
        [
            new("EnvironmentVariables", new PlistDictionary([new("TOKEN", new PlistString("bell\u0007"))])),
        ]);

        // Act
        var write = () => PlistWriter.Write(root);

        // Assert
        write.Should().Throw<ArgumentException>().WithMessage("EnvironmentVariables.TOKEN: the character U+0007*");
    }

    [Fact]
    public void A_control_character_in_an_array_item_is_refused_naming_its_index()
    {
        // Arrange
        var root = new PlistDictionary([new("ProgramArguments", new PlistArray([new PlistString("/bin/tool"), new PlistString("nul\0")]))]);

        // Act
        var write = () => PlistWriter.Write(root);

        // Assert
        write.Should().Throw<ArgumentException>().WithMessage("ProgramArguments[1]: the character U+0000*");
    }

    // Code units, not strings: a lone surrogate in an attribute argument would be stored as U+FFFD.
    [Theory]
    [InlineData(0x1B)]
    [InlineData(0xD800)]
    [InlineData(0xFFFF)]
    public void A_key_that_xml_cannot_carry_is_refused_naming_the_key(int codeUnit)
    {
        // Arrange
        var key = $"bad{(char)codeUnit}key";
        var root = new PlistDictionary([new(key, new PlistBoolean(true))]);

        // Act
        var write = () => PlistWriter.Write(root);

        // Assert
        write.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(key + ": the character");
    }

    private static void WriteAndCheckWithPlistutil(string plistText)
    {
        using var dir = new TempDir();
        Plistutil.AssertAccepts(dir.WriteFile("written.plist", plistText));
    }
}
