namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>Finds the repository by walking up from the test assembly to the directory that holds Bootstrap.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "Bootstrap.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Bootstrap.sln above {AppContext.BaseDirectory}; run the tests from a checkout, or set {PublishedBinary.Variable}.");
    }
}
