using System.Globalization;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class KcPasswordTests
{
    public static TheoryData<string, string> Fixtures() => new()
    {
        // The macOS GUI's files: NUL after the password, then non-zero filler.
        { "kcpassword-gui-password.bin", "password" },
        { "kcpassword-gui-123slash.bin", "123/" },
        // Written by a CI image builder's xxd line.
        { "kcpassword-cirrus-admin.bin", "admin" },
        // The older 11-byte rule.
        { "kcpassword-11byte-password.bin", "password" },
    };

    // The README's encoder vectors (12-byte rule, zero fill), computed by the research note's authors.
    public static TheoryData<string, string> EncoderVectors() => new()
    {
        { "admin", "1c ed 3f 4a bc bc dd ea a3 b9 1f 7d" },
        { "password", "0d e8 21 50 a5 d3 af 8e a3 b9 1f 7d" },
        { "123/", "4c bb 61 0c d2 bc dd ea a3 b9 1f 7d" },
        { "abcdefghijkl", "1c eb 31 47 b7 da ba 82 ca d3 74 11 89 52 23 d2 bc dd ea a3 b9 1f 7d 89" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_kcpassword_fixture_decodes_to_its_password(string fixtureName, string expected)
    {
        // Arrange
        var bytes = File.ReadAllBytes(Path.Combine(MacOsFixtures.DirPath, fixtureName));

        // Act
        var password = KcPassword.Decode(bytes);

        // Assert
        password.Should().Be(expected);
    }

    [Fact]
    public void Every_kcpassword_bin_fixture_is_covered_by_the_fixture_theory()
    {
        // Act
        var covered = Fixtures().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("kcpassword-").Where(name => name.EndsWith(".bin", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("kcpassword-gui-password.bin", "kcpassword-gui-password.hexdump.txt")]
    [InlineData("kcpassword-gui-123slash.bin", "kcpassword-gui-123slash.hexdump.txt")]
    public void Each_gui_bin_fixture_holds_the_bytes_of_its_hexdump(string binName, string hexdumpName)
    {
        // Arrange: "00000000  0d e8 … 9e " then the length line "0000000c".
        var lines = MacOsFixtures.ReadText(hexdumpName).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dumped = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(hex => byte.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var length = int.Parse(lines[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        // Act
        var bytes = File.ReadAllBytes(Path.Combine(MacOsFixtures.DirPath, binName));

        // Assert
        bytes.Should().Equal(dumped).And.HaveCount(length);
    }

    [Theory]
    [MemberData(nameof(EncoderVectors))]
    public void Encoding_gives_the_readme_s_vectors(string password, string expectedHex)
    {
        // Act
        var bytes = KcPassword.Encode(password);

        // Assert
        Convert.ToHexString(bytes).Should().Be(expectedHex.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
    }

    [Theory]
    [InlineData("", 12)]
    [InlineData("a", 12)]
    [InlineData("elevenchars", 12)]
    [InlineData("twelve chars", 24)]
    [InlineData("thirteen char", 24)]
    [InlineData("twenty-three characters", 24)]
    [InlineData("twenty-four characters!!", 36)]
    public void The_length_is_the_next_multiple_of_12_with_room_for_a_nul(string password, int expectedLength)
    {
        // Act
        var bytes = KcPassword.Encode(password);

        // Assert
        bytes.Should().HaveCount(expectedLength);
        KcPassword.Decode(bytes).Should().Be(password);
    }

    [Theory]
    [InlineData("p@ss word")]
    [InlineData("line\nbreak")]
    [InlineData("ünïcødé ✓")]
    [InlineData("'\"$(rm -rf /)`;")]
    public void Any_password_without_a_nul_round_trips(string password)
    {
        // Act
        var decoded = KcPassword.Decode(KcPassword.Encode(password));

        // Assert
        decoded.Should().Be(password);
    }

    [Fact]
    public void An_unpadded_file_from_an_old_writer_decodes_to_all_its_bytes()
    {
        // Arrange: an 11-character password, 11 bytes, no NUL (xfreebird's rule for multiples of 11).
        var bytes = KcPassword.Encode("elevenchars")[..11];

        // Act
        var password = KcPassword.Decode(bytes);

        // Assert
        password.Should().Be("elevenchars");
    }

    [Fact]
    public void A_password_with_a_nul_cannot_be_encoded()
    {
        // Act
        var encode = () => KcPassword.Encode("pass\0word");

        // Assert
        encode.Should().Throw<ArgumentException>().WithMessage("*NUL*");
    }

    [Fact]
    public void A_password_with_a_lone_surrogate_cannot_be_encoded()
    {
        // Act
        var encode = () => KcPassword.Encode("pass\uD800word");

        // Assert
        encode.Should().Throw<ArgumentException>().WithMessage("*not valid Unicode*");
    }

    [Fact]
    public void An_empty_file_gives_a_format_exception()
    {
        // Act
        var decode = () => KcPassword.Decode([]);

        // Assert
        decode.Should().Throw<FormatException>().WithMessage("*is empty*sysadminctl -autologin set*");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_give_a_format_exception()
    {
        // Arrange: 0xFF after the XOR is never valid UTF-8.
        var bytes = new byte[] { 0xFF ^ 0x7D, 0x00 ^ 0x89 };

        // Act
        var decode = () => KcPassword.Decode(bytes);

        // Assert
        decode.Should().Throw<FormatException>().WithMessage("*does not decode to a UTF-8 password*");
    }

    [Fact]
    public void Decoding_leaves_the_callers_bytes_unchanged()
    {
        // Arrange
        var bytes = KcPassword.Encode("admin");
        var copy = bytes.ToArray();

        // Act
        _ = KcPassword.Decode(bytes);

        // Assert
        bytes.Should().Equal(copy);
    }
}
