using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Simulation;

/// <summary>
/// The real tools the simulated Mac does not model: git (first deploy) and sqlite3 (TCC); age runs in process.
/// Found at their usual absolute paths, never through PATH.
/// </summary>
public sealed record DemoTools(ImmutableDictionary<string, string> Paths)
{
    private static readonly string[] Directories = ["/usr/bin", "/opt/homebrew/bin", "/usr/local/bin", "/bin"];

    public bool Has(string tool) => Paths.ContainsKey(tool);

    public static DemoTools Find()
    {
        var found = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var tool in new[] { ToolNames.Git, ToolNames.Sqlite3 })
        {
            var path = Directories.Select(dir => Path.Join(dir, tool)).FirstOrDefault(File.Exists);
            if (path is not null)
            {
                found[tool] = path;
            }
        }

        return new DemoTools(found.ToImmutable());
    }
}
