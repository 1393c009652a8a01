using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Run;

/// <summary>`run` on an installed simulated Mac: file hygiene (docs/invariants.md I7), the run lock (docs/invariants.md I4) and a torn or lost state file (docs/invariants.md I1).</summary>
public sealed class DaemonRunTests
{
    private const string OneCommand = """
        {
          "agent": { "user": "rig", "home": "/Users/rig" },
          "commands": [ { "id": "hello", "run": ["/bin/sh", "-c", "echo hello > \"$RIG_HOST_ROOT/hello.txt\""] } ]
        }
        """;

    private static void AddMode(string path, UnixFileMode extra) => File.SetUnixFileMode(path, File.GetUnixFileMode(path) | extra);

    [Fact]
    public async Task A_group_writable_config_is_refused_naming_the_file_and_the_chmod_and_nothing_changes()
    {
        using var host = await InstalledHost.InstallAsync(OneCommand);
        var configPath = host.Root.Paths.ConfigPath;
        AddMode(configPath, UnixFileMode.GroupWrite);
        var before = host.Snapshot();

        var act = () => host.RunAsync();

        (await act.Should().ThrowAsync<PermissionProblemException>()).Which.Message.Should().Contain(configPath).And.Contain($"chmod 0600 {configPath}");
        host.Snapshot().Should().BeEquivalentTo(before);
        File.Exists(host.Root.Paths.LockPath).Should().BeFalse("the run stopped before it took the lock");
    }

    [Fact]
    public async Task A_group_writable_installed_binary_is_refused_naming_the_file_and_the_chmod()
    {
        using var host = await InstalledHost.InstallAsync(OneCommand);
        var binaryPath = host.Root.Paths.InstalledBinaryPath;
        AddMode(binaryPath, UnixFileMode.GroupWrite);
        var before = host.Snapshot();

        var act = () => host.RunAsync();

        (await act.Should().ThrowAsync<PermissionProblemException>()).Which.Message.Should().Contain($"chmod 0755 {binaryPath}");
        host.Snapshot().Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_second_run_while_the_lock_is_held_is_refused_and_changes_nothing()
    {
        using var host = await InstalledHost.InstallAsync(OneCommand);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var firstRun = await ExclusiveFileLock.TryAcquireAsync(host.Root.Paths.LockPath, TimeSpan.Zero, time, CancellationToken.None);
        var before = host.Snapshot();

        var act = () => time.AdvanceUntilDoneAsync(host.RunAsync(host.Services with { Time = time }), TimeSpan.FromSeconds(1));

        (await act.Should().ThrowAsync<LockBusyException>()).Which.Message.Should().Contain(host.Root.Paths.LockPath);
        host.Snapshot().Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_torn_state_file_is_recovered_from_the_previous_copy_and_the_journal_says_so()
    {
        using var host = await InstalledHost.InstallAsync(OneCommand);
        var paths = host.Root.Paths;
        File.Copy(paths.StatePath, paths.PreviousStatePath);
        File.WriteAllText(paths.StatePath, "{ \"schemaVersion\": 1, \"workfl");

        var outcome = await host.RunAsync();

        outcome.Should().Be(RunOutcome.Completed);
        host.Journal.Should().Contain(e => e.Kind == "recovered" && e.Reason!.Contains(paths.PreviousStatePath));
    }

    [Fact]
    public async Task A_state_file_and_previous_copy_both_unreadable_halt_the_run_and_stay_byte_for_byte()
    {
        using var host = await InstalledHost.InstallAsync(OneCommand);
        var paths = host.Root.Paths;
        File.WriteAllText(paths.StatePath, "garbage");
        File.WriteAllBytes(paths.PreviousStatePath, [0xFF, 0xFE, 0x00, 0x7B]);
        var before = host.Snapshot();

        var act = () => host.RunAsync();

        (await act.Should().ThrowAsync<StateFileCorruptException>()).Which.Message.Should().Contain("reset --all");
        host.Snapshot().Should().BeEquivalentTo(before);
        File.Exists(Path.Join(paths.RootDirPath, "hello.txt")).Should().BeFalse("no step ran");
    }

    [Fact]
    public async Task A_lost_state_file_with_a_journal_of_earlier_runs_is_never_silently_started_over()
    {
        using var host = await InstalledHost.InstallAsync(OneCommand);
        var paths = host.Root.Paths;
        File.Delete(paths.StatePath);
        host.Journal.Should().NotBeEmpty();
        var before = host.Snapshot();

        var act = () => host.RunAsync();

        (await act.Should().ThrowAsync<StateFileCorruptException>()).Which.Message.Should().Contain(paths.JournalPath).And.Contain("reset --all");
        File.Exists(paths.StatePath).Should().BeFalse();
        host.Snapshot().Should().BeEquivalentTo(before);
    }
}
