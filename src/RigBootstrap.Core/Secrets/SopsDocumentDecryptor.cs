using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Opens every value of a SOPS document with its data key and checks the MAC: SHA-512 over the values in document
/// order (plain ones too, unless `mac_only_encrypted`), compared in constant time with the stored MAC, itself
/// encrypted with `lastmodified` as additional data. Any failure throws <see cref="SopsException"/>.
/// </summary>
public static partial class SopsDocumentDecryptor
{
    // SHA-256("sops"): SOPS seeds the hash with it when only encrypted values are covered.
    private static ReadOnlySpan<byte> MacOnlyEncryptedSeed =>
    [
        0x8a, 0x3f, 0xd2, 0xad, 0x54, 0xce, 0x66, 0x52, 0x7b, 0x10, 0x34, 0xf3, 0xd1, 0x47, 0xbe, 0x0b,
        0x0b, 0x97, 0x5b, 0x3b, 0xf4, 0x4f, 0x72, 0xc6, 0xfd, 0xad, 0xec, 0x81, 0x76, 0xf2, 0x7d, 0x69,
    ];

    public static SopsPlaintext Decrypt(SopsDocument document, ReadOnlySpan<byte> dataKey)
    {
        var metadata = document.Metadata;
        using var mac = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        if (metadata.MacOnlyEncrypted)
        {
            mac.AppendData(MacOnlyEncryptedSeed);
        }

        var values = ImmutableArray.CreateBuilder<SopsSecret>(document.Leaves.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in document.Leaves)
        {
            var encrypted = ShouldBeEncrypted(document, leaf);
            var value = encrypted ? SopsValueOpener.Open(document.FilePath, leaf, dataKey) : SopsValueOpener.Plain(leaf);
            if (!metadata.MacOnlyEncrypted || encrypted)
            {
                mac.AppendData(value.MacBytes);
            }

            CryptographicOperations.ZeroMemory(value.MacBytes);
            values.Add(new SopsSecret(EnvName(document.FilePath, leaf, names), value.Text));
        }

        var computed = Encoding.ASCII.GetBytes(Convert.ToHexString(mac.GetHashAndReset()));
        var stored = StoredMac(document, dataKey);
        if (!CryptographicOperations.FixedTimeEquals(computed, stored))
        {
            throw new SopsException(SopsErrorKind.Tampered, document.FilePath,
                "MAC mismatch: a value, a key or their order changed after the file was encrypted; restore the file from its source");
        }

        return new SopsPlaintext { FilePath = document.FilePath, Values = values.MoveToImmutable() };
    }

    private static bool ShouldBeEncrypted(SopsDocument document, SopsLeaf leaf)
    {
        try
        {
            return document.Metadata.Rules.ShouldBeEncrypted(leaf.KeyPath);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new SopsException(SopsErrorKind.Malformed, document.FilePath, "the encryption regex of its sops metadata takes too long to match", ex);
        }
    }

    private static byte[] StoredMac(SopsDocument document, ReadOnlySpan<byte> dataKey)
    {
        var encrypted = SopsEncryptedValue.TryParse(document.Metadata.Mac)
            ?? throw new SopsException(SopsErrorKind.Tampered, document.FilePath, "sops.mac is damaged (it is not an ENC[AES256_GCM,…] value)");
        try
        {
            return AesGcmWideIv.Decrypt(dataKey, encrypted.Iv, encrypted.Data, encrypted.Tag, Encoding.UTF8.GetBytes(document.Metadata.LastModified));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SopsException(SopsErrorKind.Tampered, document.FilePath,
                "sops.mac does not authenticate: the MAC or sops.lastmodified was changed; restore the file from its source");
        }
    }

    // docs/design.md §4: nested keys joined with `__`, list items by index; the names must be usable as dotenv names.
    private static string EnvName(string filePath, SopsLeaf leaf, HashSet<string> names)
    {
        var name = string.Join("__", leaf.NamePath);
        if (!EnvNamePattern().IsMatch(name))
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath,
                $"the key '{string.Join('.', leaf.NamePath)}' gives the env name \"{name}\", which is not a dotenv name (letters, digits, _ . -); rename the key");
        }

        if (!names.Add(name))
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath,
                $"two keys give the same env name \"{name}\" (a nested key and a key with __ in it); rename one of them");
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*\\z")]
    private static partial Regex EnvNamePattern();
}
