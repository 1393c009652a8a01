namespace RigBootstrap.Age.Tests;

public sealed class Bech32Tests
{
    // Valid and invalid strings from BIP-173 ("Test vectors"): https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki
    [Theory]
    [InlineData("A12UEL5L", "a", "")]
    [InlineData("a12uel5l", "a", "")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef", "00443214c74254b635cf84653a56d7c675be77df")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "split", "c5f38b70305f519bf66d85fb6cf03058f3dde463ecd7918f2dc743918f2d")]
    public void Decodes_the_bip173_valid_vectors(string text, string hrp, string hex)
    {
        var (decodedHrp, data) = Bech32.Decode(text);

        decodedHrp.Should().Be(hrp);
        Convert.ToHexStringLower(data).Should().Be(hex);
    }

    [Theory]
    [InlineData("pzry9x0s0muk", "separator")]
    [InlineData("1pzry9x0s0muk", "human-readable part")]
    [InlineData("x1b4n0q5v", "not a Bech32 character")]
    [InlineData("li1dgmt3", "checksum characters")]
    [InlineData("A1G7SGD8", "checksum")]
    [InlineData("10a06t8", "human-readable part")]
    [InlineData("aBcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "mixes upper and lower case")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", "checksum does not match")]
    public void Refuses_the_bip173_invalid_vectors_naming_the_fault(string text, string fault)
    {
        var decode = () => Bech32.Decode(text);

        decode.Should().Throw<FormatException>().WithMessage($"*{fault}*");
    }

    [Fact]
    public void Encoding_then_decoding_32_bytes_gives_them_back_under_the_age_prefix()
    {
        var data = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

        var text = Bech32.Encode("age", data);
        var (hrp, decoded) = Bech32.Decode(text);

        text.Should().StartWith("age1").And.HaveLength(62);
        hrp.Should().Be("age");
        decoded.Should().Equal(data);
    }
}
