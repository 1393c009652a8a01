namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>A fact that runs only as root on Linux, where switching to the <c>nobody</c> user is possible.</summary>
public sealed class RootOnLinuxFactAttribute : FactAttribute
{
    public RootOnLinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Running as another user needs root; this test runs only as root on Linux (macOS CI uses its own test user).";
        }
        else if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith("nobody:", StringComparison.Ordinal)))
        {
            Skip = "This host has no 'nobody' user in /etc/passwd to run the command as.";
        }
    }
}
