namespace RigBootstrap.Publish.Tests.TestKit;

/// <summary>
/// A fact about a published binary: skipped, saying why, when the environment variable that names it is unset
/// (a bare `dotnet test`); tests/run.sh always publishes and sets it, so there it always runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublishedBinaryFactAttribute : FactAttribute
{
    public PublishedBinaryFactAttribute(string variable)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = $"{variable} is not set: no published binary to check. tests/run.sh publishes osx-arm64 and osx-x64 and sets it.";
        }
    }
}
