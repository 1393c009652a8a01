using RigBootstrap.Core.Host;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Tests.Install;

public sealed class DaemonDefinitionFactoryTests
{
    [Fact]
    public void The_default_daemon_plist_matches_the_golden_file_byte_for_byte()
    {
        var definition = DaemonDefinitionFactory.Create(HostPaths.ForRoot("/"), "com.rig.bootstrap", 10, toolsDirPath: null);

        var written = PlistWriter.Write(definition.ToPlist());

        written.Should().Be(File.ReadAllText(Path.Join(RepositoryRoot.Find(), "plists", "com.rig.bootstrap.plist")));
    }

    [Fact]
    public void Under_a_host_root_the_plist_carries_root_and_tools_dir_and_rooted_paths()
    {
        var paths = HostPaths.ForRoot("/sim/host");

        var definition = DaemonDefinitionFactory.Create(paths, "com.rig.bootstrap", 10, "/sim/tools");

        definition.ProgramArguments.Should().Equal("/sim/host/usr/local/libexec/rig-bootstrap/rig-bootstrap", "run", "--root", "/sim/host", "--tools-dir", "/sim/tools");
        definition.StandardOutPath.Should().Be("/sim/host/Library/Logs/rig-bootstrap/launchd.out.log");
    }
}
