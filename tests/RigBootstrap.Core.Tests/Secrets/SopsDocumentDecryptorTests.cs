using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>Types, encryption rules and the MAC, on documents written like SOPS writes them (age in process for the data key).</summary>
public sealed class SopsDocumentDecryptorTests : IDisposable
{
    private readonly TempHostRoot _temp = new();
    private readonly SopsFileDecryptor _decryptor = new(TestAge.Create());

    [Fact]
    public async Task Yaml_values_of_every_type_decrypt_and_plain_scalars_enter_the_mac_as_sops_sees_them()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var mac = sops.Mac(["rig", "92", "0.5", "True", "raw", "", "5", "True", "3.14", "007", "1000000000000000000000", "-17"]);
        var yaml = $"""
            name: {sops.Encrypt("rig", "name:")}
            port: {sops.Encrypt("92", "port:", "int")}
            ratio: {sops.Encrypt("0.50", "ratio:", "float")}
            enabled: {sops.Encrypt("True", "enabled:", "bool")}
            blob: {sops.Encrypt("raw", "blob:", "bytes")}
            empty: ""
            count_unencrypted: 5
            flag_unencrypted: TRUE
            pi_unencrypted: 3.14000
            none_unencrypted: ~
            quoted_unencrypted: "007"
            big_unencrypted: 1e21
            hex_unencrypted: -0x11
            {sops.YamlMetadata(mac)}
            """;

        // Act
        var plaintext = await DecryptAsync("typed.yaml", yaml);

        // Assert
        plaintext.Values.Select(v => (v.Name, v.Value)).Should().Equal(
            ("name", "rig"), ("port", "92"), ("ratio", "0.5"), ("enabled", "true"), ("blob", "raw"), ("empty", ""),
            ("count_unencrypted", "5"), ("flag_unencrypted", "true"), ("pi_unencrypted", "3.14"), ("quoted_unencrypted", "007"),
            ("big_unencrypted", "1000000000000000000000"), ("hex_unencrypted", "-17"));
    }

    [Fact]
    public async Task Json_numbers_are_floats_nested_keys_and_list_items_get_dotenv_names()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var mac = sops.Mac(["admin", "5432", "h1", "h2", "False", "3", "1.5"]);
        var json = "{\"db\": {\"user\": \"" + sops.Encrypt("admin", "db:user:") + "\", \"port\": \"" + sops.Encrypt("5432", "db:port:", "float") + "\"}, "
            + "\"hosts\": [\"" + sops.Encrypt("h1", "hosts:") + "\", \"" + sops.Encrypt("h2", "hosts:") + "\"], "
            + "\"debug\": \"" + sops.Encrypt("False", "debug:", "bool") + "\", \"count_unencrypted\": 3, \"scale_unencrypted\": 1.50, \"gone\": null, "
            + sops.JsonMetadata(mac) + "}";

        // Act
        var plaintext = await DecryptAsync("nested.json", json);

        // Assert
        plaintext.Values.Select(v => (v.Name, v.Value)).Should().Equal(
            ("db__user", "admin"), ("db__port", "5432"), ("hosts__0", "h1"), ("hosts__1", "h2"), ("debug", "false"),
            ("count_unencrypted", "3"), ("scale_unencrypted", "1.5"));
    }

    [Fact]
    public async Task Dotenv_values_keep_their_newlines_and_comment_lines_are_skipped()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var mac = sops.Mac(["line1\nline2", "a\nb"]);
        var dotenv = $"# a comment\nMULTI={sops.Encrypt("line1\nline2", "MULTI:")}\nNOTE_unencrypted=a\\nb\n{sops.DotenvMetadata(mac, "sops_unencrypted_suffix=_unencrypted")}";

        // Act
        var plaintext = await DecryptAsync("multi.env", dotenv);

        // Assert
        plaintext.Find("MULTI").Should().Be("line1\nline2");
        plaintext.Find("NOTE_unencrypted").Should().Be("a\nb");
    }

    [Theory]
    [InlineData("encrypted_suffix: _secret", "password_secret", "user")]
    [InlineData("unencrypted_suffix: _plain", "password", "user_plain")]
    [InlineData("unencrypted_regex: ^pub", "password", "public_user")]
    [InlineData("encrypted_regex: ^(pass|data)$", "pass", "user")]
    public async Task Each_encryption_rule_decides_which_values_are_encrypted(string rule, string secretKey, string plainKey)
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var yaml = $"{secretKey}: {sops.Encrypt("hunter2", secretKey + ":")}\n{plainKey}: rig\n{sops.YamlMetadata(sops.Mac(["hunter2", "rig"]), rule)}";

        // Act
        var plaintext = await DecryptAsync("rules.yaml", yaml);

        // Assert
        plaintext.Find(secretKey).Should().Be("hunter2");
        plaintext.Find(plainKey).Should().Be("rig");
    }

    [Fact]
    public async Task With_mac_only_encrypted_plain_values_stay_out_of_the_mac()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var mac = sops.Mac(["hunter2"], onlyEncrypted: true);
        var yaml = $"password: {sops.Encrypt("hunter2", "password:")}\nuser_unencrypted: rig\n{sops.YamlMetadata(mac, "mac_only_encrypted: true")}";

        // Act
        var plaintext = await DecryptAsync("maconly.yaml", yaml);

        // Assert
        plaintext.Find("user_unencrypted").Should().Be("rig");
    }

    [Fact]
    public async Task A_value_that_should_be_encrypted_but_is_plain_is_tampered()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var yaml = $"password: hunter2\n{sops.YamlMetadata(sops.Mac(["hunter2"]))}";

        // Act
        var act = () => DecryptAsync("plain.yaml", yaml);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.Tampered);
        error.Message.Should().Contain("'password:' should be encrypted").And.NotContain("hunter2");
    }

    [Theory]
    [InlineData("secret", "str", "hunter2", "not a dotenv name")]
    [InlineData("count", "int", "twelve", "is not a valid int")]
    [InlineData("ok", "bool", "maybe", "is not a valid bool")]
    [InlineData("ok", "float", "1.2.3", "is not a valid float")]
    [InlineData("ok", "uuid", "x", "has the type 'uuid'")]
    public async Task A_value_that_cannot_become_an_env_line_is_malformed_without_showing_it(string key, string type, string value, string problem)
    {
        // Arrange: the first case's key has a space, which no dotenv name may hold.
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var name = key == "secret" ? "my secret" : key;
        var yaml = $"\"{name}\": {sops.Encrypt(value, name + ":", type)}\n{sops.YamlMetadata(sops.Mac([value]))}";

        // Act
        var act = () => DecryptAsync("bad.yaml", yaml);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.Malformed);
        error.Message.Should().Contain(problem).And.NotContain(value == "x" ? "\u0000" : value);
    }

    [Fact]
    public async Task Binary_bytes_cannot_go_into_an_env_file()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var yaml = $"blob: {sops.EncryptBytes([0xff, 0xfe, 0x00], "blob:", "bytes")}\n{sops.YamlMetadata(sops.Mac([]))}";

        // Act
        var act = () => DecryptAsync("binary.yaml", yaml);

        // Assert
        (await act.Should().ThrowAsync<SopsException>()).Which.Message.Should().Contain("is binary, not UTF-8 text");
    }

    [Fact]
    public async Task Two_keys_that_flatten_to_one_env_name_are_malformed()
    {
        // Arrange
        var sops = await TestSops.CreateAsync(SopsFixtures.KustomizeRecipient);
        var yaml = $"a__b: {sops.Encrypt("1", "a__b:")}\na:\n    b: {sops.Encrypt("2", "a:b:")}\n{sops.YamlMetadata(sops.Mac(["1", "2"]))}";

        // Act
        var act = () => DecryptAsync("twice.yaml", yaml);

        // Assert
        (await act.Should().ThrowAsync<SopsException>()).Which.Message.Should().Contain("two keys give the same env name \"a__b\"");
    }

    private async Task<SopsPlaintext> DecryptAsync(string fileName, string text)
    {
        var path = Path.Join(_temp.Paths.RootDirPath, fileName);
        await File.WriteAllTextAsync(path, text);
        return await _decryptor.DecryptAsync(path, SopsFixtures.PathOf("kustomize-controller/age.txt"), null, CancellationToken.None);
    }

    public void Dispose() => _temp.Dispose();
}
