using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Secrets.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class AesGcmWideIvTests
{
    // The GCM specification's test cases (McGrew and Viega, also in NIST's GCM validation): 12-, 8- and 60-byte IVs.
    private const string Key128 = "feffe9928665731c6d6a8f9467308308";
    private const string Key256 = Key128 + Key128;
    private const string Aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private const string Plaintext = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private const string Iv60 = "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728"
        + "c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b";

    public static TheoryData<string, string, string, string, string, string, string> SpecificationCases => new()
    {
        { "case 4 (AES-128, 12-byte IV)", Key128, "cafebabefacedbaddecaf888", Aad, Plaintext,
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            "5bc94fbc3221a5db94fae95ae7121a47" },
        { "case 5 (AES-128, 8-byte IV)", Key128, "cafebabefacedbad", Aad, Plaintext,
            "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
            "3612d2e79e3b0785561be14aaca2fccb" },
        { "case 6 (AES-128, 60-byte IV)", Key128, Iv60, Aad, Plaintext,
            "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
            "619cc5aefffe0bfa462af43c1699d050" },
        { "case 13 (AES-256, empty)", new string('0', 64), "000000000000000000000000", "", "", "", "530f8afbc74536b9a963b4f1c4cb738b" },
        { "case 16 (AES-256, 12-byte IV)", Key256, "cafebabefacedbaddecaf888", Aad, Plaintext,
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            "76fc6ece0f4e1768cddf8853bb2d551b" },
        { "case 17 (AES-256, 8-byte IV)", Key256, "cafebabefacedbad", Aad, Plaintext,
            "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
            "3a337dbf46a792c45e454913fe2ea8f2" },
        { "case 18 (AES-256, 60-byte IV)", Key256, Iv60, Aad, Plaintext,
            "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
            "a44a8266ee1c8eb0c8b5d4cf5ae9f19a" },
    };

    [Theory]
    [MemberData(nameof(SpecificationCases))]
    public void Encryption_matches_the_GCM_specification_test_cases(string name, string key, string iv, string aad, string plaintext, string ciphertext, string tag)
    {
        // Act
        var (actualCiphertext, actualTag) = AesGcmWideIv.Encrypt(Hex(key), Hex(iv), Hex(plaintext), Hex(aad));

        // Assert
        Convert.ToHexStringLower(actualCiphertext).Should().Be(ciphertext, name);
        Convert.ToHexStringLower(actualTag).Should().Be(tag, name);
    }

    [Theory]
    [MemberData(nameof(SpecificationCases))]
    public void Decryption_of_the_GCM_specification_test_cases_gives_their_plaintext(string name, string key, string iv, string aad, string plaintext, string ciphertext, string tag)
    {
        // Act
        var opened = AesGcmWideIv.Decrypt(Hex(key), Hex(iv), Hex(ciphertext), Hex(tag), Hex(aad));

        // Assert
        Convert.ToHexStringLower(opened).Should().Be(plaintext, name);
    }

    [Fact]
    public void The_READMEs_known_answer_opens_the_key_value_of_env_env_with_its_32_byte_iv()
    {
        // Arrange: key=ENC[AES256_GCM,data:3PTvx6o=,iv:74ni…,tag:mK2T…,type:str] from kustomize-controller/env.env
        var dataKey = Hex(SopsFixtures.EnvEnvDataKeyHex);
        var iv = Convert.FromBase64String("74ni7B2QMB6aygdd3R7IEzNCwo1W+TpPWMJLfYCCG4U=");

        // Act
        var opened = AesGcmWideIv.Decrypt(dataKey, iv, Convert.FromBase64String("3PTvx6o="),
            Convert.FromBase64String("mK2Tu7JWDdEmZUrXz3uRzw=="), "key:"u8);

        // Assert
        iv.Should().HaveCount(32);
        Encoding.UTF8.GetString(opened).Should().Be("value");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void A_12_byte_iv_gives_what_dotnets_AesGcm_gives(int length)
    {
        // Arrange
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plaintext = RandomNumberGenerator.GetBytes(length);
        var aad = RandomNumberGenerator.GetBytes(length / 3);
        var expectedCiphertext = new byte[length];
        var expectedTag = new byte[16];
        using (var reference = new AesGcm(key, 16))
        {
            reference.Encrypt(nonce, plaintext, expectedCiphertext, expectedTag, aad);
        }

        // Act
        var (ciphertext, tag) = AesGcmWideIv.Encrypt(key, nonce, plaintext, aad);

        // Assert
        ciphertext.Should().Equal(expectedCiphertext);
        tag.Should().Equal(expectedTag);
        AesGcmWideIv.Decrypt(key, nonce, ciphertext, tag, aad).Should().Equal(plaintext);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    [InlineData("iv")]
    [InlineData("aad")]
    [InlineData("key")]
    public void One_changed_bit_anywhere_fails_authentication(string part)
    {
        // Arrange
        var key = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(32);
        var aad = "nested:test:file:"u8.ToArray();
        var (ciphertext, tag) = AesGcmWideIv.Encrypt(key, iv, "another value"u8, aad);
        var changed = part switch { "ciphertext" => ciphertext, "tag" => tag, "iv" => iv, "aad" => aad, _ => key };
        changed[^1] ^= 0x80;

        // Act
        var act = () => AesGcmWideIv.Decrypt(key, iv, ciphertext, tag, aad);

        // Assert
        act.Should().Throw<AuthenticationTagMismatchException>();
    }

    [Fact]
    public void A_tag_of_the_wrong_length_is_refused_before_any_work()
    {
        // Act
        var act = () => AesGcmWideIv.Decrypt(new byte[32], new byte[32], new byte[4], new byte[12], []);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("*tag must be 16 bytes*");
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
