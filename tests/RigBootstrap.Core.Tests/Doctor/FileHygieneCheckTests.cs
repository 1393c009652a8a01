using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class FileHygieneCheckTests
{
    private static readonly int Me = (int)EffectiveUser.Id();

    [Fact]
    public async Task A_fresh_install_owned_by_the_expected_user_is_one_ok_finding()
    {
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);

        var findings = await new FileHygieneCheck(host.Root.Paths, host.Root.Paths.LaunchDaemonPlistPath(InstalledHost.Label), Me).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Severity = FindingSeverity.Ok,
            Message = $"the installed binary, the config, the state directory, the LaunchDaemon plist: writable by their owner only; owned by uid {Me}",
        });
    }

    [Fact]
    public async Task Each_file_owned_by_someone_else_is_a_problem_with_its_chown()
    {
        // Arrange: expecting another owner stands for files a non-root user owns on a real host.
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);
        var paths = host.Root.Paths;

        // Act
        var findings = await new FileHygieneCheck(paths, paths.LaunchDaemonPlistPath(InstalledHost.Label), Me + 1).RunAsync(CancellationToken.None);

        // Assert
        findings.Should().HaveCount(4).And.OnlyContain(f => f.Severity == FindingSeverity.Problem);
        findings[0].Message.Should().Be($"the installed binary {paths.InstalledBinaryPath} is owned by uid {Me}, not {Me + 1}: that user can change what a root daemon runs");
        findings.Select(f => f.Fix).Should().Contain($"`chown -R root:wheel {paths.StateDirPath}`");
    }

    [Fact]
    public async Task A_mode_run_would_refuse_is_a_problem_with_the_chmod_from_FileHygiene()
    {
        // Arrange
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);
        var stateDir = host.Root.Paths.StateDirPath;
        File.SetUnixFileMode(stateDir, File.GetUnixFileMode(stateDir) | UnixFileMode.OtherWrite);

        // Act
        var findings = await new FileHygieneCheck(host.Root.Paths, host.Root.Paths.LaunchDaemonPlistPath(InstalledHost.Label), Me).RunAsync(CancellationToken.None);

        // Assert
        var finding = findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Problem);
        finding.Message.Should().Be($"the state directory {stateDir} is writable by group or others; a root daemon refuses to run it.");
        finding.Fix.Should().Be($"`chmod 0755 {stateDir}` (owner root:wheel)");
    }

    [Fact]
    public async Task Under_a_simulated_root_owners_are_not_checked()
    {
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);

        var findings = await new FileHygieneCheck(host.Root.Paths, host.Root.Paths.LaunchDaemonPlistPath(InstalledHost.Label), expectedOwnerUid: null).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Message.Should().EndWith("owners not checked under a simulated host root");
    }

    [Fact]
    public async Task Before_install_there_is_nothing_to_check()
    {
        using var root = new TempHostRoot();

        var findings = await new FileHygieneCheck(root.Paths, root.Paths.LaunchDaemonPlistPath(InstalledHost.Label), 0).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Message.Should().StartWith("nothing installed yet");
    }

    [Fact]
    public async Task A_group_writable_service_definition_is_found_where_the_platform_keeps_it()
    {
        // Arrange
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);
        var plist = host.Root.Paths.LaunchDaemonPlistPath(InstalledHost.Label);
        File.SetUnixFileMode(plist, File.GetUnixFileMode(plist) | UnixFileMode.GroupWrite);

        // Act
        var findings = await new FileHygieneCheck(host.Root.Paths, plist, Me).RunAsync(CancellationToken.None);

        // Assert
        findings.Should().ContainSingle(f => f.Severity == FindingSeverity.Problem)
            .Which.Message.Should().StartWith($"the LaunchDaemon plist {plist} is writable by group or others");
    }
}
