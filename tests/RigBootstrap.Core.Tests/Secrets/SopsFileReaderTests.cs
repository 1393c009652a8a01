using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>Parsing every fixture, and every kind of malformed input: always a SopsException naming the file.</summary>
public sealed class SopsFileReaderTests : IDisposable
{
    private const string Mac = "ENC[AES256_GCM,data:AA==,iv:AAAAAAAAAAAAAAAAAAAAAA==,tag:AAAAAAAAAAAAAAAAAAAAAA==,type:str]";
    private const string YamlAge = "    age:\n        - recipient: age1abc\n          enc: x\n";
    private const string YamlTail = "    lastmodified: \"2021-04-06T09:07:05Z\"\n    mac: " + Mac + "\n";

    private const string Group = "            - recipient: age1abc\n              enc: x\n";

    private readonly TempHostRoot _temp = new();

    public static TheoryData<string> Fixtures => [.. SopsFixtures.All.Select(f => f.File)];

    public static TheoryData<string, string, string> MalformedInputs => new()
    {
        { "bad.yaml", "a: [1, 2\n", "is not valid YAML" },
        { "bad.yaml", "- a\n- b\n", "must hold a mapping" },
        { "bad.yaml", "a: 1\na: 2\n", "is not valid YAML" },
        { "bad.yaml", "a: b\n", "has no sops metadata" },
        { "bad.yaml", "1: x\nsops:\n" + YamlAge + YamlTail, "key that is not a string" },
        { "bad.yaml", "? [a]\n: x\nsops:\n" + YamlAge + YamlTail, "key that is not a string" },
        { "bad.yaml", "a: b\nsops:\n" + YamlAge + "    mac: " + Mac + "\n", "sops.lastmodified is missing" },
        { "bad.yaml", "a: b\nsops:\n" + YamlAge + "    lastmodified: x\n", "sops.lastmodified is not an RFC 3339 time" },
        { "bad.yaml", "a: b\nsops:\n" + YamlAge + "    lastmodified: \"2021-04-06T09:07:05Z\"\n", "sops.mac is missing" },
        { "bad.yaml", "a: b\nsops:\n    age:\n        - recipient: age1abc\n" + YamlTail, "sops.age[0] needs both recipient and enc" },
        { "bad.yaml", "a: b\nsops:\n" + YamlAge + YamlTail + "    encrypted_regex: ^a\n    unencrypted_suffix: _u\n", "more than one of" },
        { "bad.yaml", "a: b\nsops:\n" + YamlAge + YamlTail + "    encrypted_regex: \"(\"\n", "sops metadata" },
        { "bad.yaml", "a: b\nsops:\n" + YamlAge + YamlTail + "    encrypted_comment_regex: x\n", "encrypted_comment_regex" },
        { "bad.yaml", "a: b\nsops:\n    key_groups:\n        - age:\n" + Group + "        - age:\n" + Group + YamlTail, "Shamir" },
        { "bad.yaml", "a: *nowhere\n", "is not valid YAML" },
        { "bad.yaml", "a: \"unterminated\n", "is not valid YAML" },
        { "bad.yaml", "a: b: c\n", "is not valid YAML" },
        { "bad.yaml", "", "has no sops metadata" },
        { "bad.json", "{\"a\": ", "is not valid JSON" },
        { "bad.json", "[1, 2]", "must hold a JSON object" },
        { "bad.json", "{\"a\": 1e999, \"sops\": {}}", "is out of range" },
        { "bad.json", "{\"a\": \"b\"}", "has no sops metadata" },
        { "bad.json", "{\"a\": \"b\", \"sops\": \"yes\"}", "sops.lastmodified is missing" },
        { "bad.env", "no equals sign\n", "line 1 is not KEY=value" },
        { "bad.env", "=value\n", "line 1 is not KEY=value" },
        { "bad.env", "a=b\n", "has no sops metadata" },
        { "bad.env", "a=b\nsops_version=3.9.0\n", "sops.lastmodified is missing" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_parses_with_its_metadata(string file)
    {
        // Act
        var document = SopsFileReader.Read(SopsFixtures.PathOf(file));

        // Assert
        var fixture = SopsFixtures.All.Single(f => f.File == file);
        document.Leaves.Select(l => string.Join("__", l.NamePath)).Should().Equal(fixture.Expected.Select(e => e.Name));
        document.Metadata.AgeRecipients.Should().NotBeEmpty().And.OnlyContain(r => r.Recipient.StartsWith("age1") && r.EncryptedDataKey.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
        document.Metadata.Mac.Should().StartWith("ENC[AES256_GCM,");
        document.Metadata.LastModified.Should().MatchRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");
    }

    [Fact]
    public void Sops_nix_list_items_share_their_lists_additional_data_and_its_pgp_keys_are_counted()
    {
        // Act
        var document = SopsFileReader.Read(SopsFixtures.PathOf("sops-nix/secrets.yaml"));

        // Assert
        document.Format.Should().Be(SopsFormat.Yaml);
        document.Leaves.Select(l => l.AdditionalData).Should().Equal("test_key:", "a_list:", "a_list:", "nested:test:file:");
        document.Metadata.AgeRecipients.Should().HaveCount(2);
        document.Metadata.OtherRecipientCount.Should().Be(2);
        document.Metadata.Rules.UnencryptedSuffix.Should().Be("_unencrypted");
    }

    [Fact]
    public void The_kustomize_secret_keeps_its_encrypted_regex_and_plain_values()
    {
        // Act
        var document = SopsFileReader.Read(SopsFixtures.PathOf("kustomize-controller/secret.age.yaml"));

        // Assert
        document.Metadata.Rules.EncryptedRegex.Should().Be("^(data|stringData)$");
        document.Metadata.Rules.ShouldBeEncrypted(["metadata", "name"]).Should().BeFalse();
        document.Metadata.Rules.ShouldBeEncrypted(["stringData", "secret"]).Should().BeTrue();
        document.Leaves.First().Text.Should().Be("v1");
    }

    [Fact]
    public void Dotenv_metadata_is_read_in_any_order_and_equals_what_sops_wrote()
    {
        // Act: year.env lists sops_version before sops_unencrypted_suffix.
        var year = SopsFileReader.Read(SopsFixtures.PathOf("kustomize-controller/year.env"));

        // Assert
        year.Format.Should().Be(SopsFormat.Dotenv);
        year.Metadata.Version.Should().Be("3.7.1");
        year.Metadata.LastModified.Should().Be("2021-10-14T15:35:45Z");
        year.Metadata.AgeRecipients.Single().Recipient.Should().Be(SopsFixtures.KustomizeRecipient);
        year.Metadata.AgeRecipients.Single().EncryptedDataKey.Should().EndWith("-----END AGE ENCRYPTED FILE-----\n");
    }

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Malformed_input_gives_a_clear_malformed_error_naming_the_file(string fileName, string text, string problem)
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, fileName);
        File.WriteAllText(path, text);

        // Act
        var act = () => SopsFileReader.Read(path);

        // Assert
        var error = act.Should().Throw<SopsException>().Which;
        error.Kind.Should().Be(SopsErrorKind.Malformed);
        error.Message.Should().StartWith(path + ": ").And.Contain(problem);
    }

    [Fact]
    public void A_missing_file_is_malformed_and_says_where_it_should_be()
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, "absent.sops.env");

        // Act
        var act = () => SopsFileReader.Read(path);

        // Assert
        act.Should().Throw<SopsException>().Which.Message.Should().Be($"{path}: does not exist; put the SOPS file there (see the secrets step's `source`)");
    }

    [Fact]
    public void A_file_that_is_not_utf8_text_is_malformed()
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, "binary.yaml");
        File.WriteAllBytes(path, [0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);

        // Act
        var act = () => SopsFileReader.Read(path);

        // Assert
        act.Should().Throw<SopsException>().Which.Message.Should().Contain("is not UTF-8 text");
    }

    [Fact]
    public void Aliases_that_unfold_into_too_many_values_are_refused()
    {
        // Arrange: nine levels of ten aliases each would unfold into a billion values.
        var lines = new List<string> { "l0: &l0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
        {
            lines.Add($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]");
        }

        var path = Path.Join(_temp.Paths.RootDirPath, "laughs.yaml");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        // Act
        var act = () => SopsFileReader.Read(path);

        // Assert
        act.Should().Throw<SopsException>().Which.Kind.Should().Be(SopsErrorKind.Malformed);
    }

    [Fact]
    public void One_key_group_is_read_like_a_plain_age_list()
    {
        // Arrange
        var text = "a: b\nsops:\n    key_groups:\n        - age:\n" + Group + "          pgp:\n            - fp: ABC\n" + YamlTail;

        // Act
        var document = SopsFileReader.Parse("grouped.yaml", text);

        // Assert
        document.Metadata.AgeRecipients.Should().Equal(new SopsAgeRecipient("age1abc", "x"));
        document.Metadata.OtherRecipientCount.Should().Be(1);
    }

    [Theory]
    [InlineData("fleet.sops.env", "a=b", SopsFormat.Dotenv)]
    [InlineData("fleet.sops.yml", "a: b", SopsFormat.Yaml)]
    [InlineData("fleet.JSON", "{}", SopsFormat.Json)]
    [InlineData("fleet.sops", "{\"a\": 1}", SopsFormat.Json)]
    [InlineData("fleet.sops", "a=b\nsops_version=3.9.0\n", SopsFormat.Dotenv)]
    [InlineData("fleet.sops", "a: b\nsops:\n    version: 3.9.0\n", SopsFormat.Yaml)]
    public void The_format_comes_from_the_extension_then_the_content(string fileName, string text, SopsFormat expected)
    {
        SopsFileReader.DetectFormat(fileName, text).Should().Be(expected);
    }

    public void Dispose() => _temp.Dispose();
}
