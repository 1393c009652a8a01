namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>Reads the macOS output samples copied next to the test assembly from tests/Fixtures/macos.</summary>
public static class MacOsFixtures
{
    public static string DirPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "macos");

    public static string ReadText(string fileName)
    {
        var filePath = Path.Combine(DirPath, fileName);
        return File.Exists(filePath)
            ? File.ReadAllText(filePath)
            : throw new FileNotFoundException($"Fixture {fileName} was not copied to the test output; check the <None Include> item in the test project.", filePath);
    }

    /// <summary>The fixture file names that start with the prefix, so a test can prove it covers every one.</summary>
    public static IReadOnlyList<string> NamesStartingWith(string prefix) =>
        [.. Directory.EnumerateFiles(DirPath, prefix + "*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
