using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Linux;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.Linux;

public sealed class SystemdServiceManagerTests
{
    private readonly FakeProcessRunner _runner = new();

    private SystemdServiceManager Manager() => new(new ToolTable("/fake/tools", ImmutableDictionary<string, string>.Empty), _runner);

    private IEnumerable<string> Calls => _runner.Specs.Select(s => string.Join(' ', s.Arguments));

    [Fact]
    public async Task Loading_reloads_the_units_then_enables_and_starts_the_unit()
    {
        await Manager().LoadAsync("com.rig.bootstrap", "/etc/systemd/system/com.rig.bootstrap.service", CancellationToken.None);

        Calls.Should().Equal("daemon-reload", "enable --now com.rig.bootstrap.service");
        _runner.Specs.Should().OnlyContain(s => s.FileName == "/fake/tools/systemctl" && s.Environment["SYSTEMD_PAGER"] == "");
    }

    [Fact]
    public async Task Unloading_ourselves_reloads_then_stops_last_and_a_unit_already_gone_counts_as_done()
    {
        _runner.Then(0).Then(5, stderr: "Failed to stop com.rig.bootstrap.service: Unit com.rig.bootstrap.service not loaded.");

        await Manager().UnloadAsync("com.rig.bootstrap", CancellationToken.None);

        Calls.Should().Equal("daemon-reload", "stop com.rig.bootstrap.service");
    }

    [Fact]
    public async Task Preparing_removal_disables_and_tolerates_a_unit_file_that_is_already_gone()
    {
        _runner.Then(1, stderr: "Failed to disable unit: Unit file com.rig.bootstrap.service does not exist.");

        await Manager().PrepareRemovalAsync("com.rig.bootstrap", CancellationToken.None);

        Calls.Should().Equal("disable com.rig.bootstrap.service");
    }

    [Fact]
    public async Task Status_comes_from_systemctl_show_and_a_failure_names_the_unit_and_where_to_look()
    {
        _runner.Then(0, "LoadState=loaded\nActiveState=active\nSubState=running\nMainPID=99\nExecMainStatus=0\nNRestarts=0\n")
            .Then(1, stderr: "Failed to connect to bus");
        var manager = Manager();

        var status = await manager.GetStatusAsync("ai.invotek.rig-deploy", CancellationToken.None);
        var act = () => manager.RestartAsync("ai.invotek.rig-deploy", CancellationToken.None);

        status!.Pid.Should().Be(99);
        Calls.First().Should().StartWith("show -p LoadState,");
        (await act.Should().ThrowAsync<ServiceManagerException>()).WithMessage("*restart ai.invotek.rig-deploy.service*journalctl -u ai.invotek.rig-deploy.service*");
    }

    [Fact]
    public async Task Reboot_is_systemctl_reboot_with_the_reason_as_one_argument()
    {
        await new SystemctlPower(new ToolTable("/fake/tools", ImmutableDictionary<string, string>.Empty), _runner)
            .RebootAsync("rebooting for kernel-params", CancellationToken.None);

        _runner.Specs.Single().Arguments.Should().Equal("reboot", "--message", "rig-bootstrap: rebooting for kernel-params");
    }

    [Fact]
    public async Task The_boot_id_is_read_under_the_host_root_and_garbage_is_refused()
    {
        using var root = new TempHostRoot();
        Directory.CreateDirectory(Path.GetDirectoryName(root.Paths.LinuxBootIdPath)!);
        await File.WriteAllTextAsync(root.Paths.LinuxBootIdPath, "0f7c6e5a-1c2b-4d3e-9f8a-7b6c5d4e3f2a\n");
        var identity = new LinuxBootIdentity(root.Paths);

        (await identity.GetBootIdAsync(CancellationToken.None)).Should().Be("0f7c6e5a-1c2b-4d3e-9f8a-7b6c5d4e3f2a");
        await File.WriteAllTextAsync(root.Paths.LinuxBootIdPath, "not a uuid");
        await FluentActions.Awaiting(() => identity.GetBootIdAsync(CancellationToken.None)).Should().ThrowAsync<FormatException>();
    }
}
