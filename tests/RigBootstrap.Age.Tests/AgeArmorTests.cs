using System.Text;

namespace RigBootstrap.Age.Tests;

public sealed class AgeArmorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(49)]
    [InlineData(1000)]
    public void Encoded_data_decodes_back_with_64_column_lines_and_a_final_newline(int size)
    {
        var data = Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray();

        var armored = AgeArmor.Encode(data);
        var lines = armored.Split('\n');

        AgeArmor.Decode(Encoding.ASCII.GetBytes(armored)).Should().Equal(data);
        lines[0].Should().Be(AgeArmor.BeginLine);
        lines[^2].Should().Be(AgeArmor.EndLine);
        lines[^1].Should().BeEmpty();
        lines.Skip(1).SkipLast(2).All(l => l.Length is > 0 and <= 64).Should().BeTrue();
        lines.Skip(1).SkipLast(3).All(l => l.Length == 64).Should().BeTrue();
    }

    [Fact]
    public void Crlf_line_ends_and_whitespace_around_the_armor_are_accepted()
    {
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var armored = " \n\t" + AgeArmor.Encode(data).Replace("\n", "\r\n") + "\n  \n";

        AgeArmor.Decode(Encoding.ASCII.GetBytes(armored)).Should().Equal(data);
    }

    public static TheoryData<string, string> Malformed()
    {
        var good = AgeArmor.Encode(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());
        var lines = good.Split('\n');
        return new TheoryData<string, string>
        {
            { good.Replace("BEGIN AGE", "BEGIN PGP"), "line 1: the first line is not exactly" },
            { "garbage\n" + good, "line 1: the first line" },
            { good + "trailing", "data follows the END line" },
            { good.Replace(AgeArmor.EndLine + "\n", ""), "ends without the" },
            { string.Join('\n', [lines[0], lines[1] + " ", .. lines[2..]]), "line 2: a line of 65 columns" },
            { string.Join('\n', [lines[0], lines[1][..60], lines[1][60..] + lines[2], .. lines[3..]]), "line 3: a line shorter than 64 columns is not the last" },
            { string.Join('\n', [lines[0], "", .. lines[1..]]), "line 2: an empty line" },
            { string.Join('\n', [lines[0], "Comment: hi", .. lines[1..]]), "line 2: a character outside base64" },
            { string.Join('\n', [.. lines[..3], lines[3].TrimEnd('='), .. lines[4..]]), "not canonical padded base64" },
            { string.Join('\n', [.. lines[..3], lines[3][..^3] + "B==", .. lines[4..]]), "not canonical padded base64" },
            { "", "holds no armor" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_armor_is_refused_naming_the_line_and_the_fault(string armored, string fault)
    {
        var decode = () => AgeArmor.Decode(Encoding.ASCII.GetBytes(armored));

        decode.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.ArmorInvalid).WithMessage($"*{fault}*");
    }
}
