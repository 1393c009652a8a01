using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class ShutdownPowerTests : IDisposable
{
    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _toolsDir.Dispose();

    [Fact]
    public async Task A_reboot_runs_shutdown_r_now_with_the_reason_as_one_argument()
    {
        var power = new ShutdownPower(new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _runner);

        await power.RebootAsync("rebooting for autologin, os-upgrade", CancellationToken.None);

        var spec = _runner.Specs.Single();
        spec.FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "shutdown"));
        spec.Arguments.Should().Equal("-r", "now", "rig-bootstrap: rebooting for autologin, os-upgrade");
    }

    [Fact]
    public async Task Without_a_tools_dir_shutdown_is_the_absolute_default_path()
    {
        var power = new ShutdownPower(new ToolTable(null, ImmutableDictionary<string, string>.Empty), _runner);

        await power.RebootAsync("x", CancellationToken.None);

        _runner.Specs.Single().FileName.Should().Be("/sbin/shutdown");
    }
}
