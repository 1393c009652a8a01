using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests;

/// <summary>What `dotnet publish` gives (tests/run.sh publishes with warnings as errors, so a trim warning fails the run first).</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class PublishTests(PublishedBinary binary)
{
    [Fact]
    public void The_publish_is_one_executable_under_40_MB()
    {
        // Arrange
        var dir = Path.GetDirectoryName(binary.FilePath)!;

        // Act
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).ToList();
        var size = new FileInfo(binary.FilePath).Length;

        // Assert
        files.Should().Equal("rig-bootstrap");
        size.Should().BeLessThan(40L * 1024 * 1024);
        (File.GetUnixFileMode(binary.FilePath) & UnixFileMode.UserExecute).Should().NotBe(UnixFileMode.None);
    }
}
