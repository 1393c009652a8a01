namespace RigBootstrap.Age.Tests.TestKit;

/// <summary>A fact that needs the real `age` and `age-keygen` (tests/run.sh installs them); skipped, saying so, when they are missing.</summary>
public sealed class RealAgeFactAttribute : FactAttribute
{
    public RealAgeFactAttribute()
    {
        if (RealAge.AgePath is null || RealAge.AgeKeygenPath is null)
        {
            Skip = "the real age and age-keygen are not installed (apt-get install age, or brew install age); interop with them is not checked";
        }
    }
}
