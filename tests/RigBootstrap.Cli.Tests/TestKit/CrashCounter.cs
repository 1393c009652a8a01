using System.Globalization;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// The product's fault injection (honoured only under a host root that is not /): RIG_BOOTSTRAP_CRASH_AFTER=N kills
/// the process at the Nth persistence point, counted in RIG_BOOTSTRAP_CRASH_COUNTER_FILE across processes.
/// </summary>
public static class CrashCounter
{
    public const string CrashAfterVariable = "RIG_BOOTSTRAP_CRASH_AFTER";
    public const string FileVariable = "RIG_BOOTSTRAP_CRASH_COUNTER_FILE";

    public static string PathFor(TempHost host) => Path.Join(host.DirPath, "crash.counter");

    /// <summary>
    /// Persistence points counted so far. Below N after a scenario settled, the scenario has fewer than N points:
    /// the crash-point sweep is complete. A sweep stops on this rather than on a crash seen, which a reboot racing
    /// the self-kill could hide.
    /// </summary>
    public static int Read(TempHost host) =>
        File.Exists(PathFor(host)) ? int.Parse(File.ReadAllText(PathFor(host)), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
}
