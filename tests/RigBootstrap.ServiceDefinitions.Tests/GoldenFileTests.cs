using System.Text;
using RigBootstrap.ServiceDefinitions.Tests.TestKit;

namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class GoldenFileTests
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public void The_golden_launch_daemon_plist_is_byte_for_byte_what_the_writer_produces_for_the_default_config()
    {
        // Arrange
        var goldenBytes = File.ReadAllBytes(RepositoryRoot.PathOf("plists", "com.rig.bootstrap.plist"));

        // Act
        var written = PlistWriter.Write(DefaultConfigDefinitions.LaunchDaemon().ToPlist());

        // Assert
        Utf8WithoutBom.GetBytes(written).Should().Equal(goldenBytes);
    }

    [Fact]
    public void The_golden_launch_daemon_plist_passes_plistutil()
    {
        // Arrange
        using var dir = new TempDir();
        var writtenFilePath = dir.WriteFile("com.rig.bootstrap.plist", PlistWriter.Write(DefaultConfigDefinitions.LaunchDaemon().ToPlist()));

        // Act and Assert
        Plistutil.AssertAccepts(writtenFilePath);
        Plistutil.AssertAccepts(RepositoryRoot.PathOf("plists", "com.rig.bootstrap.plist"));
    }

    [Fact]
    public void The_golden_launch_daemon_plist_reads_back_as_the_default_definition()
    {
        // Arrange
        var golden = File.ReadAllText(RepositoryRoot.PathOf("plists", "com.rig.bootstrap.plist"));

        // Act
        var definition = LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(golden));

        // Assert
        definition.Should().BeEquivalentTo(DefaultConfigDefinitions.LaunchDaemon(), options => options.WithStrictOrdering());
    }

    [Fact]
    public void The_golden_systemd_unit_is_byte_for_byte_what_the_writer_produces_for_the_default_config()
    {
        // Arrange
        var goldenBytes = File.ReadAllBytes(RepositoryRoot.PathOf("plists", "rig-bootstrap.service"));

        // Act
        var written = SystemdUnitWriter.Write(DefaultConfigDefinitions.Unit());

        // Assert
        Utf8WithoutBom.GetBytes(written).Should().Equal(goldenBytes);
    }

    [SystemdAnalyzeFact]
    public void The_golden_systemd_unit_passes_systemd_analyze_verify()
    {
        // Arrange: verify checks that ExecStart's program exists and is executable, and the installed path
        // does not exist on a build machine. So verify a copy whose ExecStart program is a temporary executable;
        // every other byte of the golden file is checked as it is.
        using var dir = new TempDir();
        var fakeProgramPath = dir.WriteExecutableStub("rig-bootstrap");
        var golden = File.ReadAllText(RepositoryRoot.PathOf("plists", "rig-bootstrap.service"));
        var goldenExecStart = $"ExecStart={DefaultConfigDefinitions.InstalledProgramPath} ";
        golden.Should().Contain(goldenExecStart);
        var copy = golden.Replace(goldenExecStart, $"ExecStart={QuotedForExecStart(fakeProgramPath)} ", StringComparison.Ordinal);
        var unitFilePath = dir.WriteFile(Path.Combine("units", "rig-bootstrap.service"), copy);

        // Act and Assert
        SystemdAnalyze.AssertVerifies(unitFilePath);
    }

    // The temp directory comes from the environment, so it may hold a space or a '%'.
    private static string QuotedForExecStart(string programPath)
    {
        var escaped = programPath.Replace("%", "%%", StringComparison.Ordinal);
        return escaped.Any(char.IsWhiteSpace) ? $"\"{escaped}\"" : escaped;
    }
}
