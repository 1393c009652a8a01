namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>A fact about Linux-only machinery such as <c>/proc</c>.</summary>
public sealed class LinuxOnlyFactAttribute : FactAttribute
{
    public LinuxOnlyFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Covers Linux-only machinery (/proc).";
        }
    }
}
