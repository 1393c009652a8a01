using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>
/// state.json replaced by a symlink to a file outside the state directory. A root daemon must not follow it: whoever
/// planted the link would choose the state it runs from, or where it writes (docs/invariants.md I7).
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class SymlinkedStateTests
{
    private readonly RigBootstrapCli _cli;

    public SymlinkedStateTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Run_refuses_a_symlinked_state_file_with_77_or_65_and_changes_nothing()
    {
        // Arrange
        using var host = await InstalledHostAsync();
        var target = PlantLink(host);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().BeOneOf([77, 65], run.Describe());
        run.Stderr.Should().Contain(host.StatePath).And.Contain("symlink");
        HostFileBytes.Take(host.RootDirPath).Should().BeEquivalentTo(before);
        new FileInfo(host.StatePath).LinkTarget.Should().Be(target);
    }

    [Fact]
    public async Task Run_and_status_never_write_through_a_symlinked_state_file()
    {
        // Arrange
        using var host = await InstalledHostAsync();
        var target = PlantLink(host);
        var targetBytes = File.ReadAllBytes(target);

        // Act
        await _cli.RunAsync(["run", .. host.HostArguments]);
        await _cli.RunAsync(["status", "--root", host.RootDirPath]);

        // Assert
        File.ReadAllBytes(target).Should().Equal(targetBytes, "the file the link points at is not the daemon's to write");
        Directory.EnumerateFileSystemEntries(host.DirPath).Should().NotContain(
            path => Path.GetFileName(path).StartsWith(".elsewhere", StringComparison.Ordinal), "no temporary file beside the target");
    }

    // The target sits beside the host root, as a file another user could own would.
    private static string PlantLink(TempHost host)
    {
        var target = Path.Join(host.DirPath, "elsewhere.json");
        File.Move(host.StatePath, target);
        File.CreateSymbolicLink(host.StatePath, target);
        return target;
    }

    private async Task<TempHost> InstalledHostAsync()
    {
        var host = new TempHost();
        var config = host.WriteFile("config.json", StateCorpus.Config);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        return host;
    }
}
