using RigBootstrap.Core.Run;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Run;

public sealed class FileHygieneTests
{
    [Fact]
    public async Task A_fresh_install_has_no_problems()
    {
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);

        var problems = FileHygiene.Problems(host.Root.Paths, host.Root.Paths.LaunchDaemonPlistPath(InstalledHost.Label));

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Each_writable_file_or_directory_is_one_problem_naming_its_fix()
    {
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);
        var paths = host.Root.Paths;
        var plistPath = paths.LaunchDaemonPlistPath(InstalledHost.Label);
        File.SetUnixFileMode(paths.StateDirPath, File.GetUnixFileMode(paths.StateDirPath) | UnixFileMode.OtherWrite);
        File.SetUnixFileMode(plistPath, File.GetUnixFileMode(plistPath) | UnixFileMode.GroupWrite);

        var problems = FileHygiene.Problems(paths, paths.LaunchDaemonPlistPath(InstalledHost.Label));

        problems.Should().SatisfyRespectively(
            state => state.Should().StartWith($"the state directory {paths.StateDirPath} is writable by group or others").And.Contain($"`chmod 0755 {paths.StateDirPath}`"),
            plist => plist.Should().StartWith($"the LaunchDaemon plist {plistPath}").And.Contain($"`chmod 0644 {plistPath}`"));
    }

    [Fact]
    public void Files_that_do_not_exist_are_not_problems()
    {
        using var root = new TempHostRoot();

        var problems = FileHygiene.Problems(root.Paths, root.Paths.LaunchDaemonPlistPath(InstalledHost.Label));

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_state_file_that_is_a_symbolic_link_is_refused_and_named()
    {
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);
        var paths = host.Root.Paths;
        var elsewhere = Path.Join(paths.RootDirPath, "etc-passwd-stand-in");
        File.Move(paths.StatePath, elsewhere);
        File.CreateSymbolicLink(paths.StatePath, elsewhere);

        var problems = FileHygiene.Problems(paths, paths.LaunchDaemonPlistPath(InstalledHost.Label));

        problems.Should().ContainSingle().Which.Should().StartWith($"the state file {paths.StatePath} is a symlink (to {elsewhere})");
    }
}
