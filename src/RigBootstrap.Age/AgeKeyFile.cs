using System.Globalization;

namespace RigBootstrap.Age;

/// <summary>The text of a key file as `age-keygen` writes it: `# created:` (RFC 3339), `# public key: age1…`, the key line.</summary>
public static class AgeKeyFile
{
    public static string Format(X25519Identity identity, DateTimeOffset created) =>
        $"# created: {created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\n"
        + $"# public key: {identity.Recipient}\n"
        + $"{identity.Encode()}\n";
}
