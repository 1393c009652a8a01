using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>
/// With events configured, a refused `run` still changes nothing (docs/invariants.md I7, I9): the safety checks come before the event
/// outbox is created or opened, and the outbox's own files are held to the same rules (modes, no symlinks).
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class EventsRefusalTests(PublishedBinary binary)
{
    // Port 9 (discard) on loopback: nothing listens, and nothing is ever sent in these tests.
    private const string ConfigWithEvents = $$"""
        { {{TestConfigs.Agent}}, "events": { "url": "http://127.0.0.1:9/events" }, "commands": [
            { "id": "first", "run": ["/bin/true"] },
            { "id": "second", "dependsOn": ["first"], "run": ["/bin/true"] } ] }
        """;

    private const UnixFileMode GroupWritable = (UnixFileMode)0b111_111_101;

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    public static TheoryData<string> CaseNames => StateCorpus.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_corpus_state_is_refused_with_65_before_any_events_file_is_made(string name)
    {
        // Arrange
        using var host = await InstalledAsync();
        StateCorpus.Named(name).Damage(host);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(65, run.Describe());
        Directory.Exists(EventsDirPath(host)).Should().BeFalse("the outbox is opened only after the state is trusted");
        HostFileBytes.Take(host.RootDirPath).Should().BeEquivalentTo(before, "a refused run changes nothing");
    }

    [Fact]
    public async Task A_group_writable_binary_is_refused_with_77_before_any_events_file_is_made()
    {
        // Arrange
        using var host = await InstalledAsync();
        File.SetUnixFileMode(host.InstalledBinaryPath, GroupWritable);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(77, run.Describe());
        Directory.Exists(EventsDirPath(host)).Should().BeFalse();
        HostFileBytes.Take(host.RootDirPath).Should().BeEquivalentTo(before, "a refused run changes nothing");
    }

    [Fact]
    public async Task A_group_writable_events_directory_is_refused_with_77_naming_it_and_the_chmod()
    {
        // Arrange: the outbox directory, opened to the group.
        using var host = await InstalledAsync();
        Directory.CreateDirectory(EventsDirPath(host));
        File.SetUnixFileMode(EventsDirPath(host), GroupWritable);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(77, run.Describe());
        run.Stderr.Should().Contain(EventsDirPath(host)).And.Contain($"chmod 0755 {EventsDirPath(host)}");
        HostFileBytes.Take(host.RootDirPath).Should().BeEquivalentTo(before, "a refused run changes nothing");
    }

    [Fact]
    public async Task An_outbox_that_is_a_symlink_is_refused_with_77_and_its_target_is_left_alone()
    {
        // Arrange
        using var host = await InstalledAsync();
        Directory.CreateDirectory(EventsDirPath(host));
        var target = host.WriteFile("planted", "root would append here\n");
        File.CreateSymbolicLink(Path.Join(EventsDirPath(host), "outbox.jsonl"), target);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(77, run.Describe());
        run.Stderr.Should().Contain("outbox.jsonl").And.Contain("is a symlink");
        File.ReadAllText(target).Should().Be("root would append here\n");
        HostFileBytes.Take(host.RootDirPath).Should().BeEquivalentTo(before, "a refused run changes nothing");
    }

    private static string EventsDirPath(TempHost host) => Path.Join(host.StateDirPath, "events");

    private async Task<TempHost> InstalledAsync()
    {
        var host = new TempHost();
        try
        {
            var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", ConfigWithEvents), .. host.HostArguments]);
            install.ExitCode.Should().Be(0, install.Describe());
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
