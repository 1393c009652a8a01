namespace RigBootstrap.Publish.Tests.TestKit;

/// <summary>The environment variables through which tests/run.sh names each published macOS binary.</summary>
public static class PublishedRuntimes
{
    public const string OsxArm64Variable = "RIG_BOOTSTRAP_PUBLISHED_OSX_ARM64";
    public const string OsxX64Variable = "RIG_BOOTSTRAP_PUBLISHED_OSX_X64";

    /// <summary>The binary a variable names; a variable that names a missing file fails the test rather than skipping it.</summary>
    public static string BinaryPath(string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"{variable} is not set; tests/run.sh sets it after publishing");
        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new FileNotFoundException($"{variable} names {path}, which does not exist; publish first (tests/run.sh does)", path);
    }
}
