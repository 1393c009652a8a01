using System.Collections.Immutable;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerEnvironmentTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Variables_are_inherited_then_added_replaced_or_removed_and_path_is_ours()
    {
        // Arrange: names unique to this test, so the change to our own environment disturbs no one.
        var suffix = Guid.NewGuid().ToString("N");
        var (kept, replaced, removed, added) = ($"RIG_KEPT_{suffix}", $"RIG_REPLACED_{suffix}", $"RIG_REMOVED_{suffix}", $"RIG_ADDED_{suffix}");
        Environment.SetEnvironmentVariable(kept, "inherited");
        Environment.SetEnvironmentVariable(replaced, "old");
        Environment.SetEnvironmentVariable(removed, "doomed");
        try
        {
            var spec = new CommandSpec
            {
                FileName = "/usr/bin/env",
                Environment = ImmutableDictionary<string, string?>.Empty
                    .Add(replaced, "new")
                    .Add(removed, null)
                    .Add(added, "fresh")
                    .Add("PATH", "/opt/rig/bin:/usr/bin:/bin"),
            };

            // Act
            var result = await _runner.RunAsync(spec, CancellationToken.None);

            // Assert
            var variables = result.StdoutTail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            variables.Should().Contain($"{kept}=inherited")
                .And.Contain($"{replaced}=new")
                .And.Contain($"{added}=fresh")
                .And.Contain("PATH=/opt/rig/bin:/usr/bin:/bin")
                .And.NotContain(line => line.StartsWith(removed + "=", StringComparison.Ordinal))
                .And.NotContain($"{replaced}=old");
        }
        finally
        {
            Environment.SetEnvironmentVariable(kept, null);
            Environment.SetEnvironmentVariable(replaced, null);
            Environment.SetEnvironmentVariable(removed, null);
        }
    }

    [Fact]
    public async Task The_working_directory_is_honoured()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.PathOf("here.txt"), "found by a relative path");
        var spec = new CommandSpec { FileName = "/bin/cat", Arguments = ["here.txt"], WorkingDirPath = temp.DirPath };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Should().Be("found by a relative path");
    }
}
