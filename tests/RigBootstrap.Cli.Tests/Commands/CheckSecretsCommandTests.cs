using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`check-secrets` on the real SOPS fixtures, age in process (none in --tools-dir): opens, names no value, and a tampered file exits 65.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class CheckSecretsCommandTests(PublishedBinary binary)
{
    private static readonly string Fixtures = Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "sops", "sops-nix");

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_good_file_opens_and_only_the_names_of_its_values_are_printed()
    {
        using var host = WithoutAge();

        var result = await Check(host, Path.Join(Fixtures, "secrets.yaml"), Path.Join(Fixtures, "age-keys.txt"));

        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().Contain("MAC verified").And.Contain("nested__test__file").And.NotContain("test_value").And.NotContain("another value");
    }

    [Theory]
    [InlineData("data:")]
    [InlineData("tag:")]
    [InlineData("mac: ENC[AES256_GCM,data:")]
    public async Task One_flipped_byte_exits_65_naming_the_file(string after)
    {
        using var host = WithoutAge();
        var text = File.ReadAllText(Path.Join(Fixtures, "secrets.yaml"));
        var at = text.IndexOf(after, StringComparison.Ordinal) + after.Length;
        at.Should().BeGreaterThan(after.Length - 1, $"the fixture has {after}");
        var flipped = text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..];
        var tampered = host.WriteFile("tampered.yaml", flipped);

        var result = await Check(host, tampered, Path.Join(Fixtures, "age-keys.txt"));

        result.ExitCode.Should().Be(65, result.Describe());
        result.Stderr.Should().Contain(tampered);
    }

    [Fact]
    public async Task A_key_that_is_not_a_recipient_yet_exits_75()
    {
        using var host = WithoutAge();
        var otherKey = Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "sops", "helm-secrets", "key.txt");

        var result = await Check(host, Path.Join(Fixtures, "secrets.yaml"), otherKey);

        result.ExitCode.Should().Be(75, result.Describe());
    }

    private Task<CliResult> Check(TempHost host, string file, string identity) =>
        _cli.RunAsync(["check-secrets", "--file", file, "--identity", identity, "--root", host.RootDirPath, "--tools-dir", host.ToolsDirPath]);

    // The tools directory holds only the fakes: no age, so the check shows age runs in process.
    private static TempHost WithoutAge() => new();
}
