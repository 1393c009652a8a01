using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>The real SOPS fixtures, opened with the in-process age: plaintexts, tampering, wrong keys.</summary>
public sealed class SopsFileDecryptorTests : IDisposable
{
    private readonly TempHostRoot _temp = new();
    private readonly SopsFileDecryptor _decryptor = new(TestAge.Create());

    public static TheoryData<string> Fixtures => [.. SopsFixtures.All.Select(f => f.File)];

    public static TheoryData<string, string> TamperedVariants
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var fixture in SopsFixtures.All)
            {
                foreach (var variant in new[] { "value data", "value iv", "value tag", "mac data", "mac tag" })
                {
                    data.Add(fixture.File, variant);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_fixture_list_covers_every_sops_file_in_the_fixture_folder()
    {
        SopsFixtures.All.Select(f => f.File).Should().BeEquivalentTo(SopsFixtures.EncryptedFiles());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_sops_fixture_decrypts_to_the_plaintext_its_README_gives(string file)
    {
        // Arrange
        var fixture = SopsFixtures.All.Single(f => f.File == file);

        // Act
        var plaintext = await _decryptor.DecryptAsync(SopsFixtures.PathOf(fixture.File), SopsFixtures.PathOf(fixture.Key), null, CancellationToken.None);

        // Assert
        plaintext.Values.Select(v => v.Name).Should().Equal(fixture.Expected.Select(e => e.Name));
        foreach (var (name, value) in fixture.Expected.Where(e => e.Value is not null))
        {
            plaintext.Find(name).Should().Be(value, name);
        }
    }

    [Fact]
    public async Task The_helm_secrets_key_value_is_the_long_pgp_armoured_string()
    {
        // Act
        var plaintext = await _decryptor.DecryptAsync(SopsFixtures.PathOf("helm-secrets/secrets.age.yaml"),
            SopsFixtures.PathOf("helm-secrets/key.txt"), null, CancellationToken.None);

        // Assert
        var key = plaintext.Find("key")!;
        key.Should().StartWith("-----BEGIN PGP").And.Contain("-----END PGP").And.Contain("\n");
        key.Length.Should().BeGreaterThan(500);
    }

    [Theory]
    [MemberData(nameof(TamperedVariants))]
    public async Task A_flipped_byte_in_a_value_or_the_mac_is_refused_as_tampered_naming_the_file(string file, string variant)
    {
        // Arrange
        var fixture = SopsFixtures.All.Single(f => f.File == file);
        var copy = SopsFixtures.CopyTo(fixture.File, _temp.Paths.RootDirPath);
        var text = File.ReadAllText(copy);
        var macAnchor = copy.EndsWith(".env", StringComparison.Ordinal) ? "sops_mac=" : "mac: ";
        var (anchor, field) = variant.Split(' ') switch
        {
            ["value", var f] => ("ENC[", f),
            [_, var f] => (macAnchor, f),
            _ => throw new ArgumentException(variant),
        };
        File.WriteAllText(copy, Tamper.FlipByte(text, anchor, field));

        // Act
        var act = () => _decryptor.DecryptAsync(copy, SopsFixtures.PathOf(fixture.Key), null, CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.Tampered);
        error.Message.Should().Contain(copy);
    }

    [Theory]
    [InlineData("kustomize-controller/secret.age.yaml", "name: sops-age", "name: sops-agf")]
    [InlineData("kustomize-controller/secret.age.yaml", "lastmodified: \"2021-04-06T09:07:05Z\"", "lastmodified: \"2021-04-06T09:07:06Z\"")]
    [InlineData("kustomize-controller/year.env", "sops_lastmodified=2021-10-14T15:35:45Z", "sops_lastmodified=2021-10-14T15:35:46Z")]
    [InlineData("sops-nix/secrets.yaml", "    - ENC[AES256_GCM,data:oOQ=", "    - ENC[AES256_GCM,data:oOQ=,iv:5P+1UQyIYOW8xXgsvTXC17msGcA6IGB3N8n+pstfqjo=,tag:ox4rgjbb8c0vYZ2XmwRgpg==,type:str]\n    - ENC[AES256_GCM,data:oOQ=")]
    [InlineData("sops-nix/secrets.yaml", "test_key: ENC[", "test_key_unencrypted: x\ntest_key: ENC[")]
    public async Task A_changed_plain_value_time_or_structure_is_refused_by_the_mac(string file, string from, string to)
    {
        // Arrange
        var fixture = SopsFixtures.All.Single(f => f.File == file);
        var copy = SopsFixtures.CopyTo(fixture.File, _temp.Paths.RootDirPath);
        var text = File.ReadAllText(copy);
        text.Should().Contain(from);
        File.WriteAllText(copy, text.Replace(from, to, StringComparison.Ordinal));

        // Act
        var act = () => _decryptor.DecryptAsync(copy, SopsFixtures.PathOf(fixture.Key), null, CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.Tampered);
        error.Message.Should().StartWith(copy + ":");
    }

    [Fact]
    public async Task Swapping_two_list_items_passes_each_tag_but_fails_the_mac()
    {
        // Arrange: both items have the additional data `a_list:`, so only the MAC sees the new order.
        var copy = SopsFixtures.CopyTo("sops-nix/secrets.yaml", _temp.Paths.RootDirPath);
        var lines = File.ReadAllLines(copy);
        var first = Array.FindIndex(lines, l => l.StartsWith("    - ENC[", StringComparison.Ordinal));
        (lines[first], lines[first + 1]) = (lines[first + 1], lines[first]);
        File.WriteAllLines(copy, lines);

        // Act
        var act = () => _decryptor.DecryptAsync(copy, SopsFixtures.PathOf("sops-nix/age-keys.txt"), null, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<SopsException>()).Which.Message.Should().Contain("MAC mismatch");
    }

    [Fact]
    public async Task A_value_moved_to_another_key_fails_its_tag()
    {
        // Arrange
        var copy = SopsFixtures.CopyTo("sops-nix/secrets.yaml", _temp.Paths.RootDirPath);
        var text = File.ReadAllText(copy);
        var testKey = text.Split('\n').Single(l => l.StartsWith("test_key: ", StringComparison.Ordinal))["test_key: ".Length..];
        var file = text.Split('\n').Single(l => l.StartsWith("        file: ", StringComparison.Ordinal))["        file: ".Length..];
        File.WriteAllText(copy, text.Replace(file, testKey, StringComparison.Ordinal));

        // Act
        var act = () => _decryptor.DecryptAsync(copy, SopsFixtures.PathOf("sops-nix/age-keys.txt"), null, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<SopsException>()).Which.Message.Should().Contain("'nested:test:file:' does not authenticate");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Another_hosts_key_is_not_a_recipient(string file)
    {
        // Arrange: the helm-secrets key opens only its own file; the kustomize key the others.
        var wrongKey = file.StartsWith("helm-secrets", StringComparison.Ordinal) ? "kustomize-controller/age.txt" : "helm-secrets/key.txt";

        // Act
        var act = () => _decryptor.DecryptAsync(SopsFixtures.PathOf(file), SopsFixtures.PathOf(wrongKey), null, CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.NotARecipient);
        error.Message.Should().Contain(SopsFixtures.PathOf(file)).And.Contain("sops updatekeys");
    }

    [Fact]
    public async Task A_host_recipient_the_file_does_not_list_is_refused_without_trying_age()
    {
        // Arrange: an identity path that does not exist would make age fail differently if it ran.
        var missingKey = Path.Join(_temp.Paths.RootDirPath, "no-such-key.txt");

        // Act
        var act = () => _decryptor.DecryptAsync(SopsFixtures.PathOf("sops-nix/secrets.yaml"), missingKey,
            "age1rh2xsjg8avja92j3jhtttuczgmqkz89lezxt4e3mmp5ukl5j4f9smvteju", CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.NotARecipient);
        error.Problem.Should().StartWith("age1rh2xsjg8avja92j3jhtttuczgmqkz89lezxt4e3mmp5ukl5j4f9smvteju is not a recipient")
            .And.Contain("2 age recipient(s) and 2 other key(s)");
    }

    [Fact]
    public async Task A_listed_host_recipient_opens_the_file()
    {
        // Act
        var plaintext = await _decryptor.DecryptAsync(SopsFixtures.PathOf("kustomize-controller/env.env"),
            SopsFixtures.PathOf("kustomize-controller/age.txt"), SopsFixtures.KustomizeRecipient, CancellationToken.None);

        // Assert
        plaintext.Find("key").Should().Be("value");
    }

    public void Dispose() => _temp.Dispose();
}
