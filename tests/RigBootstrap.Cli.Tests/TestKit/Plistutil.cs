using System.Xml.Linq;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>Checks a plist with the real plistutil (libplist; tests/run.sh installs it) by converting it to binary and back.</summary>
public static class Plistutil
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fails the test unless plistutil reads the plist, and returns the XML it writes back, so that assertions see
    /// the values as a plist reader sees them rather than as our writer meant them.
    /// </summary>
    public static async Task<XDocument> RoundTripAsync(string plistFilePath, string scratchDirPath)
    {
        var tool = ToolPath.Require("plistutil", "libplist-utils (apt-get) or libplist (brew)");
        var binaryFilePath = Path.Join(scratchDirPath, "roundtrip.bplist");
        var xmlFilePath = Path.Join(scratchDirPath, "roundtrip.plist");

        var toBinary = await RunAsync(tool, ["-i", plistFilePath, "-f", "bin", "-o", binaryFilePath]);

        // plistutil 2.2 prints "ERROR: Failed to convert input file." and still exits 0: check the result on disk too.
        var accepted = toBinary.ExitCode == 0 && !toBinary.Stderr.Contains("ERROR", StringComparison.Ordinal) &&
            File.Exists(binaryFilePath) && File.ReadAllBytes(binaryFilePath).AsSpan().StartsWith("bplist00"u8);
        accepted.Should().BeTrue($"plistutil must accept {plistFilePath}\n{toBinary.Describe()}\n--- plist ---\n{File.ReadAllText(plistFilePath)}");

        var toXml = await RunAsync(tool, ["-i", binaryFilePath, "-f", "xml", "-o", xmlFilePath]);
        File.Exists(xmlFilePath).Should().BeTrue(toXml.Describe());
        return XDocument.Load(xmlFilePath);
    }

    /// <summary>The strings of the array under <paramref name="key"/> in the top-level dict.</summary>
    public static IReadOnlyList<string> StringArray(XDocument plist, string key)
    {
        var keyElement = plist.Root!.Element("dict")!.Elements("key").Single(k => k.Value == key);
        var array = keyElement.ElementsAfterSelf().First();
        array.Name.LocalName.Should().Be("array", $"{key} is an array");
        return [.. array.Elements("string").Select(s => s.Value)];
    }

    private static async Task<CliResult> RunAsync(string tool, string[] arguments)
    {
        using var child = ChildProcess.Start(tool, arguments, new Dictionary<string, string?>());
        return await child.WaitAsync(RunTimeout);
    }
}
