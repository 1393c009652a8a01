using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// The simulated Mac's stand-in for an Xcode `.xip`: a header line, then the `xcodebuild -version` output of the Xcode
/// it holds, then any padding (a test sizes it to exercise a download). The fake `xip` tool of the end-to-end tests
/// reads the same format.
/// </summary>
public static class SimulatedXipArchive
{
    public const string Header = "rig-bootstrap simulated xip 1";

    /// <summary>The demo's archive: Xcode 16.2 (16C5032a).</summary>
    public static string DemoText { get; } = Create("16.2", "16C5032a");

    public static string DemoSha256 { get; } = Sha256Of(DemoText);

    public static string Create(string version, string build, string padding = "") =>
        $"{Header}\nXcode {version}\nBuild version {build}\n{padding}";

    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The `xcodebuild -version` text the archive holds; null when the file is not such an archive.</summary>
    public static string? ReadVersionText(string filePath)
    {
        using var reader = new StreamReader(filePath, Encoding.UTF8);
        if (reader.ReadLine() != Header)
        {
            return null;
        }

        var version = reader.ReadLine();
        var build = reader.ReadLine();
        return version is null || build is null ? null : $"{version}\n{build}\n";
    }
}
