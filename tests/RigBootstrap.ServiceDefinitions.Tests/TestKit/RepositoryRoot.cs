namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>Finds the repository checkout the tests run from, by walking up to the folder holding Bootstrap.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bootstrap.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Bootstrap.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }

    public static string PathOf(params string[] relativeParts) =>
        Path.Combine([Find(), .. relativeParts]);
}
