using System.Diagnostics;
using System.Globalization;
using RigBootstrap.Core.State;

namespace RigBootstrap.Cli;

/// <summary>
/// Fault injection for the reliability tests: with RIG_BOOTSTRAP_CRASH_AFTER=N the process SIGKILLs itself right
/// after its Nth persistence point. With RIG_BOOTSTRAP_CRASH_COUNTER_FILE too, the count is kept in that file and
/// runs on across processes, so N can land in any run of a scenario that spans boots, not only in the first one
/// long enough. Honoured only under a host root that is not /, so it can never fire on a fleet host.
/// </summary>
public sealed class KillAtPersistencePoint(int crashAfter, string? counterFilePath) : IPersistencePointObserver
{
    public const string Variable = "RIG_BOOTSTRAP_CRASH_AFTER";
    public const string CounterFileVariable = "RIG_BOOTSTRAP_CRASH_COUNTER_FILE";

    private int _seen;

    public static IPersistencePointObserver FromEnvironment(bool realRoot) =>
        !realRoot && int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? new KillAtPersistencePoint(n, Environment.GetEnvironmentVariable(CounterFileVariable) is { Length: > 0 } file ? file : null)
            : new NoPersistencePointObserver();

    public void OnPersisted(string point)
    {
        if (NextCount() == crashAfter)
        {
            Process.GetCurrentProcess().Kill();
        }
    }

    // One runner at a time holds the state lock (docs/invariants.md I4), so the read-increment-write needs no lock of its own.
    private int NextCount()
    {
        if (counterFilePath is null)
        {
            return ++_seen;
        }

        var seen = File.Exists(counterFilePath) && int.TryParse(File.ReadAllText(counterFilePath), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // Written aside and renamed, so a power cut never leaves an empty counter that would start the count again.
        File.WriteAllText(counterFilePath + ".new", (seen + 1).ToString(CultureInfo.InvariantCulture));
        File.Move(counterFilePath + ".new", counterFilePath, overwrite: true);
        return seen + 1;
    }
}
