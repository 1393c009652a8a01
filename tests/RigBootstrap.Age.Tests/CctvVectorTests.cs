using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Age.Tests.TestKit;

namespace RigBootstrap.Age.Tests;

/// <summary>
/// Every X25519, armor, header and STREAM vector of the C2SP age test kit (TestData/cctv, see its README.md), run as
/// the kit says: the outcome class must match, and all plaintext released, even before a failure, must hash to `payload`.
/// </summary>
public sealed class CctvVectorTests
{
    private static readonly string VectorDirPath = Path.Join(AppContext.BaseDirectory, "TestData", "cctv");

    public static TheoryData<string> Vectors()
    {
        var names = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(VectorDirPath).Where(IsVector).Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(path));
        }

        return names;
    }

    [Fact]
    public void The_kit_holds_the_98_vectors_copied_from_it()
    {
        Vectors().Should().HaveCount(98);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_vector_gives_its_expected_outcome_and_payload(string name)
    {
        var (fields, body) = Load(name);
        var identities = fields.Where(f => f.Key == "identity").Select(f => X25519Identity.Parse(f.Value)).ToArray();
        try
        {
            var (released, error) = Messages.TryDecrypt(body, identities);

            Outcome(error).Should().Be(fields.Single(f => f.Key == "expect").Value, $"{name}: {error?.Message}");
            if (fields.FirstOrDefault(f => f.Key == "payload").Value is { } payload)
            {
                Convert.ToHexStringLower(SHA256.HashData(released)).Should().Be(payload);
            }
            else
            {
                released.Should().BeEmpty();
            }
        }
        finally
        {
            foreach (var identity in identities)
            {
                identity.Dispose();
            }
        }
    }

    // The folder also holds its README.md and a .gitattributes that keeps the vectors byte-exact.
    private static bool IsVector(string path) => !path.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith('.');

    private static string Outcome(AgeException? error) => error?.Kind switch
    {
        null => "success",
        AgeErrorKind.NoIdentityMatched => "no match",
        AgeErrorKind.HeaderMacMismatch => "HMAC failure",
        AgeErrorKind.HeaderInvalid => "header failure",
        AgeErrorKind.PayloadInvalid => "payload failure",
        AgeErrorKind.ArmorInvalid => "armor failure",
        _ => $"unexpected {error.Kind}",
    };

    // The kit's format: "key: value" lines, an empty line, then the file (zlib-compressed when `compressed: zlib`).
    private static (List<KeyValuePair<string, string>> Fields, byte[] Body) Load(string name)
    {
        var bytes = File.ReadAllBytes(Path.Join(VectorDirPath, name));
        var split = bytes.AsSpan().IndexOf("\n\n"u8);
        var fields = Encoding.ASCII.GetString(bytes, 0, split).Split('\n')
            .Select(l => l.Split(": ", 2)).Select(p => KeyValuePair.Create(p[0], p[1])).ToList();
        var body = bytes[(split + 2)..];
        if (fields.Any(f => f.Key == "compressed" && f.Value == "zlib"))
        {
            using var inflated = new MemoryStream();
            new ZLibStream(new MemoryStream(body), CompressionMode.Decompress).CopyTo(inflated);
            body = inflated.ToArray();
        }

        return (fields, body);
    }
}
