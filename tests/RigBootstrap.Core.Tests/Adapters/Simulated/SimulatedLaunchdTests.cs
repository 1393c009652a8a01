using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

public sealed class SimulatedLaunchdTests : IDisposable
{
    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempHostRoot _root = new();
    private readonly SimulatedMac _mac;
    private readonly SimulatedLaunchd _launchd;

    public SimulatedLaunchdTests()
    {
        _mac = new SimulatedMac(_root.Paths);
        _launchd = new SimulatedLaunchd(_mac);
    }

    public void Dispose() => _root.Dispose();

    /// <summary>Writes a LaunchDaemon plist under the root; the program is a real executable file unless told otherwise.</summary>
    private string WritePlist(string label, bool runAtLoad = true, bool programExists = true, UnixFileMode mode = Mode0644)
    {
        var programPath = Path.Join(_root.Paths.RootDirPath, "usr", "local", "bin", label);
        if (programExists)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(programPath)!);
            File.WriteAllText(programPath, "#!/bin/sh\n");
            File.SetUnixFileMode(programPath, Mode0644 | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var definition = new LaunchDaemonDefinition { Label = label, ProgramArguments = [programPath, "serve"], RunAtLoad = runAtLoad };
        Directory.CreateDirectory(_root.Paths.LaunchDaemonsDirPath);
        var plistPath = _root.Paths.LaunchDaemonPlistPath(label);
        File.WriteAllText(plistPath, PlistWriter.Write(definition.ToPlist()));
        File.SetUnixFileMode(plistPath, mode);
        return plistPath;
    }

    private Task<ServiceStatus?> StatusAsync(string label) => _launchd.GetStatusAsync(label, CancellationToken.None);

    [Fact]
    public async Task A_loaded_job_whose_program_exists_is_running_with_a_pid()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy");

        await _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        var status = await StatusAsync("ai.invotek.rig-deploy");
        status.Should().NotBeNull();
        status!.State.Should().Be("running");
        status.Pid.Should().NotBeNull();
        status.IsHealthy.Should().BeTrue();
    }

    [Fact]
    public async Task A_group_writable_plist_is_refused_for_bad_ownership_or_permissions_and_not_loaded()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy", mode: Mode0644 | UnixFileMode.GroupWrite);

        var act = () => _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        (await act.Should().ThrowAsync<ServiceManagerException>()).Which.Message.Should().Contain("bad ownership/permissions");
        (await StatusAsync("ai.invotek.rig-deploy")).Should().BeNull();
    }

    [Fact]
    public async Task A_disabled_label_is_refused_with_119_until_it_is_enabled()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy");
        Directory.CreateDirectory(_mac.DisabledJobsDirPath);
        File.WriteAllText(Path.Join(_mac.DisabledJobsDirPath, "ai.invotek.rig-deploy"), "");

        var whileDisabled = () => _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);
        (await whileDisabled.Should().ThrowAsync<ServiceManagerException>()).Which.ExitCode.Should().Be(119);
        await _launchd.EnableAsync("ai.invotek.rig-deploy", CancellationToken.None);
        await _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        (await StatusAsync("ai.invotek.rig-deploy")).Should().NotBeNull();
    }

    [Fact]
    public async Task Bootstrapping_a_label_that_is_already_loaded_answers_5()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy");
        await _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        var again = () => _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        (await again.Should().ThrowAsync<ServiceManagerException>()).Which.ExitCode.Should().Be(5);
    }

    [Fact]
    public async Task A_job_whose_program_does_not_exist_is_not_running_with_last_exit_78()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy", programExists: false);

        await _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        var status = await StatusAsync("ai.invotek.rig-deploy");
        status.Should().BeEquivalentTo(new { State = "not running", Pid = (int?)null, LastExitCode = (int?)78 });
        status!.IsHealthy.Should().BeFalse();
    }

    [Fact]
    public async Task Bootout_unloads_and_is_harmless_for_a_label_that_is_not_loaded()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy");
        await _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        await _launchd.UnloadAsync("ai.invotek.rig-deploy", CancellationToken.None);
        await _launchd.UnloadAsync("ai.invotek.rig-deploy", CancellationToken.None);

        (await StatusAsync("ai.invotek.rig-deploy")).Should().BeNull();
    }

    [Fact]
    public async Task Kickstart_restarts_a_loaded_job_and_refuses_one_that_is_not_loaded_with_113()
    {
        var plistPath = WritePlist("ai.invotek.rig-deploy");
        await _launchd.LoadAsync("ai.invotek.rig-deploy", plistPath, CancellationToken.None);

        await _launchd.RestartAsync("ai.invotek.rig-deploy", CancellationToken.None);
        var missing = () => _launchd.RestartAsync("com.example.absent", CancellationToken.None);

        (await StatusAsync("ai.invotek.rig-deploy"))!.Runs.Should().Be(2);
        (await missing.Should().ThrowAsync<ServiceManagerException>()).Which.ExitCode.Should().Be(113);
    }
}
