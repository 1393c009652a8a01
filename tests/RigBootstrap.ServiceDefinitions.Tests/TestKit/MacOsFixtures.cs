namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>Reads the macOS output samples copied next to the test assembly from tests/Fixtures/macos.</summary>
public static class MacOsFixtures
{
    public static string ReadText(string fileName)
    {
        var filePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "macos", fileName);
        return File.Exists(filePath)
            ? File.ReadAllText(filePath)
            : throw new FileNotFoundException($"Fixture {fileName} was not copied to the test output; check the test project's <None Include> items.", filePath);
    }
}
