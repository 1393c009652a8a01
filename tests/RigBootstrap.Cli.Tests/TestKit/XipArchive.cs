using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// An archive the fake `xip` expands (FakeTools/xip): a header line, the `xcodebuild -version` text, then padding to
/// give a download its size. Deterministic, so a test can pin its SHA-256.
/// </summary>
public sealed record XipArchive(byte[] Bytes)
{
    public const string Header = "rig-bootstrap simulated xip 1";

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public static XipArchive Of(string version, string build, int paddingBytes = 0)
    {
        var head = Encoding.UTF8.GetBytes($"{Header}\nXcode {version}\nBuild version {build}\n");
        var bytes = new byte[head.Length + paddingBytes];
        head.CopyTo(bytes, 0);
        // Padding that differs along the file, so a resumed download spliced at the wrong offset changes the hash.
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (i * 7 % 26));
        }

        return new XipArchive(bytes);
    }
}
