namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>A fact that needs root on Linux (chown, GNU stat); skipped, and saying so, elsewhere.</summary>
public sealed class RootOnLinuxFactAttribute : FactAttribute
{
    public RootOnLinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "needs root on Linux";
        }
    }
}
