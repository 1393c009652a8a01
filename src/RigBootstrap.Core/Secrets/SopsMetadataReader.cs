using System.Collections.Immutable;
using System.Globalization;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Reads the `sops` section from its flattened form, the one SOPS itself writes into dotenv files
/// (`age__list_0__map_enc`); the YAML and JSON readers flatten their `sops` mapping the same way first.
/// </summary>
public static class SopsMetadataReader
{
    public const string MapSeparator = "__map_";
    public const string ListSeparator = "__list_";

    // Key kinds other than age: counted so "not a recipient" can say what the file does offer.
    private static readonly ImmutableArray<string> OtherKeyKinds = ["pgp", "kms", "gcp_kms", "azure_kv", "hc_vault", "hckms"];

    public static SopsMetadata Read(string filePath, IReadOnlyDictionary<string, string> flat)
    {
        if (flat.Count == 0)
        {
            throw Malformed(filePath, "has no sops metadata; it is not a SOPS-encrypted file (encrypt it with `sops --encrypt`)");
        }

        if (flat.Keys.Any(k => k is "unencrypted_comment_regex" or "encrypted_comment_regex"))
        {
            throw Malformed(filePath, "uses unencrypted_comment_regex or encrypted_comment_regex, which this reader does not support; re-encrypt it with a key-based rule");
        }

        var groupPrefix = "";
        var groups = CountItems(flat, "key_groups");
        if (groups > 1)
        {
            throw Malformed(filePath, $"splits its data key over {groups} key groups (Shamir), which this reader does not support; re-encrypt it with one key group");
        }

        if (groups == 1)
        {
            groupPrefix = "key_groups" + ListSeparator + "0" + MapSeparator;
        }

        return new SopsMetadata
        {
            AgeRecipients = ReadAge(filePath, flat, groupPrefix + "age"),
            OtherRecipientCount = OtherKeyKinds.Sum(kind => CountItems(flat, groupPrefix + kind)),
            LastModified = CanonicalTime(filePath, Required(filePath, flat, "lastmodified")),
            Mac = Required(filePath, flat, "mac"),
            MacOnlyEncrypted = flat.TryGetValue("mac_only_encrypted", out var macOnly) && macOnly == "true",
            Version = flat.GetValueOrDefault("version"),
            Rules = ReadRules(filePath, flat),
        };
    }

    private static ImmutableArray<SopsAgeRecipient> ReadAge(string filePath, IReadOnlyDictionary<string, string> flat, string prefix)
    {
        var count = CountItems(flat, prefix);
        var recipients = ImmutableArray.CreateBuilder<SopsAgeRecipient>(count);
        for (var i = 0; i < count; i++)
        {
            var item = prefix + ListSeparator + i.ToString(CultureInfo.InvariantCulture) + MapSeparator;
            var recipient = flat.GetValueOrDefault(item + "recipient");
            var enc = flat.GetValueOrDefault(item + "enc");
            if (string.IsNullOrEmpty(recipient) || string.IsNullOrEmpty(enc))
            {
                throw Malformed(filePath, $"sops.age[{i}] needs both recipient and enc");
            }

            recipients.Add(new SopsAgeRecipient(recipient, enc));
        }

        return recipients.MoveToImmutable();
    }

    private static SopsEncryptionRules ReadRules(string filePath, IReadOnlyDictionary<string, string> flat)
    {
        try
        {
            return SopsEncryptionRules.Create(
                flat.GetValueOrDefault("unencrypted_suffix"),
                flat.GetValueOrDefault("encrypted_suffix"),
                flat.GetValueOrDefault("unencrypted_regex"),
                flat.GetValueOrDefault("encrypted_regex"));
        }
        catch (ArgumentException ex)
        {
            throw Malformed(filePath, $"sops metadata: {ex.Message}");
        }
    }

    // The MAC's additional data is the time as Go's RFC 3339 layout prints it: no fraction, `Z` for UTC.
    private static string CanonicalTime(string filePath, string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw Malformed(filePath, $"sops.lastmodified is not an RFC 3339 time: \"{text}\"");
        }

        var seconds = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return time.Offset == TimeSpan.Zero
            ? seconds + "Z"
            : seconds + time.ToString("zzz", CultureInfo.InvariantCulture);
    }

    private static string Required(string filePath, IReadOnlyDictionary<string, string> flat, string key) =>
        flat.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw Malformed(filePath, $"sops.{key} is missing; the file is damaged or was not written by SOPS");

    // The number of list items under a flattened prefix: the highest index seen plus one.
    private static int CountItems(IReadOnlyDictionary<string, string> flat, string prefix)
    {
        var start = prefix + ListSeparator;
        var highest = -1;
        foreach (var key in flat.Keys.Where(k => k.StartsWith(start, StringComparison.Ordinal)))
        {
            var rest = key[start.Length..];
            var end = rest.IndexOf("__", StringComparison.Ordinal);
            if (int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                highest = Math.Max(highest, index);
            }
        }

        return highest + 1;
    }

    private static SopsException Malformed(string filePath, string problem) => new(SopsErrorKind.Malformed, filePath, problem);
}
