namespace RigBootstrap.Age.Tests.TestKit;

/// <summary>A theory that needs the real `age`; skipped, saying so, when it is missing.</summary>
public sealed class RealAgeTheoryAttribute : TheoryAttribute
{
    public RealAgeTheoryAttribute()
    {
        if (RealAge.AgePath is null || RealAge.AgeKeygenPath is null)
        {
            Skip = "the real age and age-keygen are not installed (apt-get install age, or brew install age); interop with them is not checked";
        }
    }
}
