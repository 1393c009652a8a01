using System.Collections.Immutable;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.ServiceDefinitions.Tests;

/// <summary>The plist scalars that tccd's MDMOverrides.plist and a profiles listing may hold: data, date, real.</summary>
public sealed class PlistScalarTests
{
    [Fact]
    public void Data_date_and_real_read_as_written_by_apple_tools_base64_wrapped_and_indented()
    {
        // Arrange: plutil wraps base64 across lines and indents it with tabs.
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n"
            + "\t<key>CodeRequirementData</key>\n\t<data>\n\t+t4MAAAA\n\tAAEAAAAA\n\t</data>\n"
            + "\t<key>created</key>\n\t<date>2019-01-09T21:35:10Z</date>\n"
            + "\t<key>modified</key>\n\t<real>538029218.67258</real>\n</dict>\n</plist>\n";

        // Act
        var root = PlistReader.Parse(xml);

        // Assert
        root.Should().Be(new PlistDictionary([
            new("CodeRequirementData", new PlistData([0xfa, 0xde, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00])),
            new("created", new PlistDate(new DateTimeOffset(2019, 1, 9, 21, 35, 10, TimeSpan.Zero))),
            new("modified", new PlistReal(538029218.67258)),
        ]));
    }

    [Fact]
    public void Data_date_and_real_are_written_in_apples_forms_and_read_back_equal()
    {
        // Arrange
        var root = new PlistArray([
            new PlistData(ImmutableArray.Create<byte>(1, 2, 3, 254)),
            new PlistDate(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(2))),
            new PlistReal(1.5),
        ]);

        // Act
        var written = PlistWriter.Write(root);

        // Assert
        written.Should().Contain("<data>AQID/g==</data>").And.Contain("<date>2026-12-03T08:00:00Z</date>").And.Contain("<real>1.5</real>");
        PlistReader.Parse(written).Should().Be(root);
    }
}
