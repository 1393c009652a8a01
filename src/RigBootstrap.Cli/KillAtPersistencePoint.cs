using System.Diagnostics;
using System.Globalization;
using RigBootstrap.Core.State;

namespace RigBootstrap.Cli;

/// <summary>
/// Fault injection for the reliability tests: with RIG_BOOTSTRAP_CRASH_AFTER=N the process SIGKILLs itself right
/// after its Nth persistence point. Honoured only under a host root that is not /, so it can never fire on a fleet host.
/// </summary>
public sealed class KillAtPersistencePoint(int crashAfter) : IPersistencePointObserver
{
    public const string Variable = "RIG_BOOTSTRAP_CRASH_AFTER";

    private int _seen;

    public static IPersistencePointObserver FromEnvironment(bool realRoot) =>
        !realRoot && int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? new KillAtPersistencePoint(n)
            : new NoPersistencePointObserver();

    public void OnPersisted(string point)
    {
        if (++_seen == crashAfter)
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
