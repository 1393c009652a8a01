namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>Looks at processes from the outside: alive, gone, zombie children.</summary>
public static class ProcessProbe
{
    /// <summary>False for a PID that is gone or a zombie (dead, only waiting to be reaped by its parent).</summary>
    public static bool IsAlive(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return PosixSignals.TrySend(pid, 0);
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls until every PID is gone; SIGKILLed processes vanish quickly but not instantly.</summary>
    public static async Task<bool> AllGoneAsync(IEnumerable<int> pids, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var remaining = pids.ToList();
        while (true)
        {
            remaining.RemoveAll(pid => !IsAlive(pid));
            if (remaining.Count == 0 || DateTime.UtcNow > deadline)
            {
                return remaining.Count == 0;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills a PID a test left running on purpose (a pipe-holding grandchild).</summary>
    public static void Kill(int pid) => PosixSignals.TrySend(pid, PosixSignals.SigKill);

    /// <summary>Zombie children of this test process (Linux only; empty elsewhere).</summary>
    public static IReadOnlyList<int> ZombieChildrenOfThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var zombies = new List<int>();
        foreach (var dirPath in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dirPath, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z" && fields[1] == self)
                {
                    zombies.Add(int.Parse(Path.GetFileName(dirPath), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process directory, or the process vanished while we looked.
            }
        }

        return zombies;
    }
}
