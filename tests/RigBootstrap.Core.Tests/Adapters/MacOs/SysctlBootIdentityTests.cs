using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SysctlBootIdentityTests : IDisposable
{
    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _toolsDir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_boot_id_is_the_kernel_boot_time_from_sysctl_output(bool withoutPrefix)
    {
        var output = MacOsFixtures.ReadText("sysctl-kern-boottime.txt");
        _runner.Then(0, stdout: withoutPrefix ? output.Replace("kern.boottime: ", "") : output);
        var identity = new SysctlBootIdentity(new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _runner);

        var bootId = await identity.GetBootIdAsync(CancellationToken.None);

        bootId.Should().Be("1426005997.000000");
        var spec = _runner.Specs.Single();
        spec.FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "sysctl"));
        spec.Arguments.Should().Equal("-n", "kern.boottime");
    }

    [Fact]
    public async Task Output_without_a_boot_time_is_a_format_error_quoting_it()
    {
        _runner.Then(0, stdout: "sysctl: unknown oid 'kern.boottime'\n");
        var identity = new SysctlBootIdentity(new ToolTable(null, ImmutableDictionary<string, string>.Empty), _runner);

        var act = () => identity.GetBootIdAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<FormatException>()).Which.Message.Should().Contain("unknown oid");
        _runner.Specs.Single().FileName.Should().Be("/usr/sbin/sysctl");
    }
}
