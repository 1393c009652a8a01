using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Install;

/// <summary>`install` reads the config once: the bytes it validated are the bytes it installs, whatever happens to the file meanwhile.</summary>
public sealed class InstallerConfigReadTests : IDisposable
{
    // softwareupdate mode without a volume owner: install asks the host whether it is Apple Silicon before it writes anything.
    private const string Config = """
        {
          "agent": { "user": "rig", "home": "/Users/rig" },
          "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "softwareupdate" } }
        }
        """;

    private const string Replacement = """{ "agent": { "user": "rig", "home": "/Users/rig" }, "colour": "blue" }""";

    private readonly TempHostRoot _root = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("rig-config-").FullName;

    public void Dispose()
    {
        _root.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task A_config_changed_during_install_is_not_installed_the_validated_bytes_are()
    {
        // Arrange: a byte order mark and CRLF line ends, which a text round trip would not keep.
        var validated = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Config.ReplaceLineEndings("\r\n"))).ToArray();
        var configPath = Path.Join(_outside, "config.json");
        File.WriteAllBytes(configPath, validated);
        var host = new SimulatedHost(_root.Paths, TimeProvider.System, NullLoggerFactory.Instance);
        var rewriting = new RewritingSoftwareUpdate(host.SoftwareUpdate, configPath);
        var binary = Path.Join(_outside, "rig-bootstrap");
        File.WriteAllText(binary, "#!/bin/sh\n");

        // Act
        var result = await new Installer(host.Services with { SoftwareUpdate = rewriting }).InstallAsync(configPath, binary, "test", CancellationToken.None);

        // Assert
        rewriting.Rewrites.Should().Be(1, "the file was changed between validation and the write");
        File.ReadAllText(configPath).Should().Be(Replacement);
        result.Changed.Should().BeTrue();
        File.ReadAllBytes(_root.Paths.ConfigPath).Should().Equal(validated, "the installed config is the one validated, byte for byte");
    }

    /// <summary>The host's softwareupdate, answering "Intel" after replacing the config file, as a second writer might.</summary>
    private sealed class RewritingSoftwareUpdate(ISoftwareUpdate inner, string configPath) : ISoftwareUpdate
    {
        public int Rewrites { get; private set; }

        public Task<bool> IsAppleSiliconAsync(CancellationToken cancellationToken)
        {
            File.WriteAllText(configPath, Replacement);
            Rewrites++;
            return Task.FromResult(false);
        }

        public Task<MacOsVersion> GetProductVersionAsync(CancellationToken cancellationToken) => inner.GetProductVersionAsync(cancellationToken);

        public Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task InstallAsync(string label, bool restart, AccountCredentials? volumeOwner, CancellationToken cancellationToken) =>
            inner.InstallAsync(label, restart, volumeOwner, cancellationToken);
    }
}
