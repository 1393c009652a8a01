namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>Checks a plist with the real <c>plistutil</c> from libplist (Debian libplist-utils, Homebrew libplist).</summary>
public static class Plistutil
{
    /// <summary>
    /// Converts the file to a binary plist and back to XML with plistutil, and fails the test with the tool's
    /// output if it rejects the file or reads values other than the ones <see cref="PlistReader"/> reads.
    /// </summary>
    public static void AssertAccepts(string plistFilePath)
    {
        var toolPath = ExternalTool.FindOnPath("plistutil")
            ?? throw new InvalidOperationException("plistutil is not on PATH; install libplist-utils (apt-get) or libplist (brew), as tests/run.sh does.");
        using var scratch = new TempDir();
        var binaryFilePath = Path.Combine(scratch.DirPath, "converted.bplist");
        var toBinary = ExternalTool.Run(toolPath, "-i", plistFilePath, "-o", binaryFilePath, "-f", "bin");

        // plistutil 2.2 prints "ERROR: Failed to convert input file." yet exits 0, so the exit code alone proves
        // nothing: require a binary plist on disk as well.
        var accepted = toBinary.ExitCode == 0
            && !toBinary.CombinedOutput.Contains("ERROR", StringComparison.Ordinal)
            && File.Exists(binaryFilePath)
            && File.ReadAllBytes(binaryFilePath).AsSpan().StartsWith("bplist00"u8);
        if (!accepted)
        {
            Assert.Fail($"plistutil rejected {plistFilePath}:\n{toBinary.CombinedOutput}\n--- file ---\n{File.ReadAllText(plistFilePath)}");
        }

        var xmlFilePath = Path.Combine(scratch.DirPath, "converted.plist");
        var toXml = ExternalTool.Run(toolPath, "-i", binaryFilePath, "-o", xmlFilePath, "-f", "xml");
        if (toXml.ExitCode != 0 || !File.Exists(xmlFilePath))
        {
            Assert.Fail($"plistutil could not turn its own binary plist back into XML:\n{toXml.CombinedOutput}");
        }

        // libplist writes a carriage return in a value as a raw CR, which any XML parser turns into LF;
        // entitize it so the comparison sees the value libplist actually holds.
        var theirs = PlistReader.Parse(File.ReadAllText(xmlFilePath).Replace("\r", "&#xD;", StringComparison.Ordinal));
        var ours = PlistReader.Parse(File.ReadAllText(plistFilePath));
        theirs.Should().Be(ours, "plistutil should read exactly the values in {0}", plistFilePath);
    }
}
