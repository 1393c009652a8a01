namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>A fact that uses the real `age` to make encrypted files (the product never runs it); skipped, saying so, without it.</summary>
public sealed class RealAgeFactAttribute : FactAttribute
{
    public RealAgeFactAttribute()
    {
        if (ToolPath.Find("age") is null || ToolPath.Find("age-keygen") is null)
        {
            Skip = "the real age is not on PATH (apt-get install age, or brew install age); it is needed here only to make test files";
        }
    }
}
