namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>A fact that runs the binary where no age can run (<see cref="NoAgeSandbox"/>); skipped, saying why, where that cannot be arranged.</summary>
public sealed class NoAgeSandboxFactAttribute : FactAttribute
{
    public NoAgeSandboxFactAttribute()
    {
        if (NoAgeSandbox.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
