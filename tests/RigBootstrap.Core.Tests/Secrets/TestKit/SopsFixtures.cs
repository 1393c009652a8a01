using System.Collections.Immutable;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>The real SOPS files copied from tests/Fixtures/sops, their keys, and the plaintexts their README gives.</summary>
public static class SopsFixtures
{
    public static string DirPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "sops");

    /// <summary>Every encrypted file (relative path) with its key file and the env lines it must decrypt to.</summary>
    public static ImmutableArray<SopsFixture> All { get; } =
    [
        new("kustomize-controller/env.env", "kustomize-controller/age.txt", [("key", "value")]),
        new("kustomize-controller/component.env", "kustomize-controller/age.txt", [("key", "value")]),
        new("kustomize-controller/year.env", "kustomize-controller/age.txt", [("year", "2017")]),
        new("kustomize-controller/secret.age.yaml", "kustomize-controller/age.txt",
            [("apiVersion", "v1"), ("kind", "Secret"), ("metadata__name", "sops-age"), ("stringData__secret", "my-sops-age-secret")]),
        new("sops-nix/secrets.yaml", "sops-nix/age-keys.txt",
            [("test_key", "test_value"), ("a_list__0", "e1"), ("a_list__1", "e3"), ("nested__test__file", "another value")]),
        new("helm-secrets/secrets.age.yaml", "helm-secrets/key.txt",
            [("global_secret", "global_age"), ("key", null), ("service__port", "92")]),
    ];

    public const string KustomizeRecipient = "age1l44xcng8dqj32nlv6d930qvvrny05hglzcv9qpc7kxjc6902ma4qufys29";

    /// <summary>The README's known answer: the data key of kustomize-controller/env.env.</summary>
    public const string EnvEnvDataKeyHex = "b8b84d1196e93186d08634f83ad4530fb33a4a875507fdb2222ce34ca7e8817d";

    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(DirPath, relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Fixture {relativePath} was not copied to the test output; check the <None Include> item in the test project.", path);
    }

    /// <summary>Every file under the fixture folder that is a SOPS document (not a key, not the README).</summary>
    public static IReadOnlyList<string> EncryptedFiles() =>
        [.. Directory.EnumerateFiles(DirPath, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DirPath, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>A copy of the fixture in <paramref name="dirPath"/>, keeping its file name (and so its format).</summary>
    public static string CopyTo(string relativePath, string dirPath)
    {
        var target = Path.Join(dirPath, Path.GetFileName(relativePath));
        File.Copy(PathOf(relativePath), target, overwrite: true);
        return target;
    }
}
