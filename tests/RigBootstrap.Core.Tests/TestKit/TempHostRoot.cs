using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>A real temporary directory standing for `/`, removed after the test.</summary>
public sealed class TempHostRoot : IDisposable
{
    public TempHostRoot() => Paths = HostPaths.ForRoot(Directory.CreateTempSubdirectory("rig-test-").FullName);

    public HostPaths Paths { get; }

    /// <summary>Every file under the root, relative, sorted: to prove "nothing changed".</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Paths.RootDirPath)
            ? Directory.GetFiles(Paths.RootDirPath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Paths.RootDirPath, f)).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Paths.RootDirPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test may have removed it already.
        }
    }
}
