using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Writes a SOPS dotenv file as sops 3.9 does: every value `ENC[AES256_GCM,…]` under a fresh 32-byte data key,
/// the data key wrapped for each age recipient, the encrypted MAC, and the metadata in sorted `sops_*` lines.
/// </summary>
public static partial class SopsDotenvWriter
{
    /// <summary>The SOPS version the output's format follows; the reader and sops 3.9 both open it.</summary>
    public const string FormatVersion = "3.9.0";

    private const string MetadataPrefix = "sops_";
    private const int DataKeySize = 32;
    private const int IvSize = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Returns the file's text. Bad names, values or recipients throw <see cref="ArgumentException"/> naming the
    /// variable, never its value; a failing <paramref name="encryptor"/>'s exception passes through.
    /// </summary>
    public static async Task<string> EncryptAsync(
        IReadOnlyList<(string Name, string Value)> values,
        IReadOnlyList<string> ageRecipients,
        IAgeEncryptor encryptor,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encryptor);
        ArgumentNullException.ThrowIfNull(time);
        CheckNames(values);
        CheckRecipients(ageRecipients);

        var dataKey = RandomNumberGenerator.GetBytes(DataKeySize);
        try
        {
            // Ordinal order, as sops's dotenv store sorts the flattened metadata keys before it writes them.
            var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < ageRecipients.Count; i++)
            {
                var item = "age" + SopsMetadataReader.ListSeparator + i.ToString(CultureInfo.InvariantCulture) + SopsMetadataReader.MapSeparator;
                metadata[item + "enc"] = await encryptor.EncryptAsync(dataKey, ageRecipients[i], cancellationToken);
                metadata[item + "recipient"] = ageRecipients[i];
            }

            var text = new StringBuilder();
            using var mac = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            foreach (var (name, value) in values)
            {
                text.Append(name).Append('=').Append(EncryptValue(dataKey, name, value, mac)).Append('\n');
            }

            // Go's RFC 3339 layout (no fraction, `Z`): the exact string the MAC is bound to as additional data.
            var lastModified = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var macText = Encoding.ASCII.GetBytes(Convert.ToHexString(mac.GetHashAndReset()));
            metadata["lastmodified"] = lastModified;
            metadata["mac"] = Encrypt(dataKey, macText, lastModified, "str");
            metadata["unencrypted_suffix"] = SopsEncryptionRules.DefaultUnencryptedSuffix;
            metadata["version"] = FormatVersion;
            foreach (var (key, value) in metadata)
            {
                text.Append(MetadataPrefix).Append(key).Append('=').Append(value.Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            }

            return text.ToString();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static string EncryptValue(byte[] dataKey, string name, string value, IncrementalHash mac)
    {
        // sops leaves an empty string as it is; it adds nothing to the MAC either way.
        if (value.Length == 0)
        {
            return "";
        }

        var plain = StrictUtf8.GetBytes(value);
        try
        {
            mac.AppendData(plain);
            return Encrypt(dataKey, plain, name + ":", "str");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static string Encrypt(byte[] dataKey, byte[] plain, string additionalData, string type)
    {
        var iv = RandomNumberGenerator.GetBytes(IvSize);
        var (ciphertext, tag) = AesGcmWideIv.Encrypt(dataKey, iv, plain, Encoding.UTF8.GetBytes(additionalData));
        return $"ENC[AES256_GCM,data:{Convert.ToBase64String(ciphertext)},iv:{Convert.ToBase64String(iv)},tag:{Convert.ToBase64String(tag)},type:{type}]";
    }

    private static void CheckNames(IReadOnlyList<(string Name, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (name is null || !EnvNamePattern().IsMatch(name))
            {
                throw new ArgumentException($"\"{name}\" is not a dotenv name (letters, digits, _ . -, not starting with . or -); rename it", nameof(values));
            }

            CheckValue(name, value);
            // Either would be read back as something else: metadata, or a value sops's default rule leaves plain.
            if (name.StartsWith(MetadataPrefix, StringComparison.Ordinal) || name.EndsWith(SopsEncryptionRules.DefaultUnencryptedSuffix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{name}: names starting with {MetadataPrefix} or ending in {SopsEncryptionRules.DefaultUnencryptedSuffix} are reserved by SOPS; rename it", nameof(values));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"{name} is given twice; a dotenv file holds each name once", nameof(values));
            }
        }
    }

    private static void CheckValue(string name, string? value)
    {
        if (value is null)
        {
            throw new ArgumentException($"the value of {name} is null; give \"\" for an empty value", nameof(value));
        }

        try
        {
            StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"the value of {name} is not valid Unicode text (a lone surrogate); it cannot be written to an env file", nameof(value));
        }
    }

    private static void CheckRecipients(IReadOnlyList<string> ageRecipients)
    {
        ArgumentNullException.ThrowIfNull(ageRecipients);
        if (ageRecipients.Count == 0)
        {
            throw new ArgumentException("at least one age recipient is needed, or nobody could open the file", nameof(ageRecipients));
        }

        if (ageRecipients.Any(r => string.IsNullOrEmpty(r) || r.Any(char.IsWhiteSpace) || r.Any(char.IsControl)))
        {
            throw new ArgumentException("an age recipient is empty or holds whitespace; give age1… public keys", nameof(ageRecipients));
        }

        if (ageRecipients.Distinct(StringComparer.Ordinal).Count() != ageRecipients.Count)
        {
            throw new ArgumentException("an age recipient is listed twice; list each once", nameof(ageRecipients));
        }
    }

    // The reader's env-name rule (SopsDocumentDecryptor): what it accepts, and nothing that could break a line.
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*\\z")]
    private static partial Regex EnvNamePattern();
}
