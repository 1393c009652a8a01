namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>A fact that is skipped, with the reason, only when systemd-analyze is not installed.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        // xunit 2 has no runtime skip, so the check runs when the attribute is built during discovery.
        if (SystemdAnalyze.FindToolPath() is null)
        {
            Skip = SystemdAnalyze.MissingReason;
        }
    }
}
