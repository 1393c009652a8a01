using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>
/// Writes SOPS documents for tests the way SOPS does: a random data key wrapped for a recipient with age (in process),
/// `ENC[…]` values with 32-byte IVs, and the MAC over the texts each test lists (so the test states what it covers).
/// </summary>
public sealed class TestSops
{
    public const string LastModified = "2026-11-25T12:00:00Z";

    private readonly byte[] _dataKey;

    private TestSops(byte[] dataKey, string recipient, string armoredKey)
    {
        _dataKey = dataKey;
        Recipient = recipient;
        ArmoredKey = armoredKey;
    }

    public string Recipient { get; }

    public string ArmoredKey { get; }

    public static async Task<TestSops> CreateAsync(string recipient)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        return new TestSops(dataKey, recipient, await TestAge.EncryptArmoredAsync(dataKey, recipient));
    }

    /// <summary>`ENC[…]` of the text under the additional data (`key:` or `nested:key:`), with the given SOPS type.</summary>
    public string Encrypt(string plaintext, string additionalData, string type = "str") =>
        EncryptBytes(Encoding.UTF8.GetBytes(plaintext), additionalData, type);

    public string EncryptBytes(byte[] plaintext, string additionalData, string type)
    {
        var iv = RandomNumberGenerator.GetBytes(32);
        var (ciphertext, tag) = AesGcmWideIv.Encrypt(_dataKey, iv, plaintext, Encoding.UTF8.GetBytes(additionalData));
        return $"ENC[AES256_GCM,data:{Convert.ToBase64String(ciphertext)},iv:{Convert.ToBase64String(iv)},tag:{Convert.ToBase64String(tag)},type:{type}]";
    }

    /// <summary>The encrypted MAC over the texts in order (SOPS `ToBytes`: `True`/`False` for booleans).</summary>
    public string Mac(IEnumerable<string> macTexts, bool onlyEncrypted = false, string lastModified = LastModified)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        if (onlyEncrypted)
        {
            hash.AppendData(SHA256.HashData("sops"u8));
        }

        foreach (var text in macTexts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        return Encrypt(Convert.ToHexString(hash.GetHashAndReset()), lastModified);
    }

    /// <summary>The `sops:` block of a YAML file; <paramref name="extra"/> lines go inside it (four spaces).</summary>
    public string YamlMetadata(string mac, params string[] extra) =>
        "sops:\n    age:\n        - recipient: " + Recipient + "\n          enc: |\n"
        + string.Concat(ArmoredKey.TrimEnd('\n').Split('\n').Select(line => "            " + line + "\n"))
        + $"    lastmodified: \"{LastModified}\"\n    mac: {mac}\n"
        + string.Concat(extra.Select(line => "    " + line + "\n"))
        + "    version: 3.9.0\n";

    /// <summary>The `"sops": {…}` member of a JSON file; <paramref name="extra"/> members (`"k": "v"`) go inside it.</summary>
    public string JsonMetadata(string mac, params string[] extra) =>
        "\"sops\": {\"age\": [{\"recipient\": \"" + Recipient + "\", \"enc\": \"" + ArmoredKey.Replace("\n", "\\n", StringComparison.Ordinal) + "\"}], "
        + $"\"lastmodified\": \"{LastModified}\", \"mac\": \"{mac}\", "
        + string.Concat(extra.Select(member => member + ", "))
        + "\"version\": \"3.9.0\"}";

    /// <summary>The `sops_*` lines of a dotenv file; <paramref name="extra"/> lines (`sops_k=v`) are added.</summary>
    public string DotenvMetadata(string mac, params string[] extra) =>
        "sops_age__list_0__map_enc=" + ArmoredKey.Replace("\n", "\\n", StringComparison.Ordinal) + "\n"
        + "sops_age__list_0__map_recipient=" + Recipient + "\n"
        + $"sops_lastmodified={LastModified}\nsops_mac={mac}\n"
        + string.Concat(extra.Select(line => line + "\n"))
        + "sops_version=3.9.0\n";
}
