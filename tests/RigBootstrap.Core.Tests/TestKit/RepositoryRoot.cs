namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>The repository's root, found by walking up from the test binaries to Bootstrap.sln (for golden files).</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Join(dir.FullName, "Bootstrap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bootstrap.sln not found above the test directory");
    }
}
