using System.Diagnostics;
using System.Globalization;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// A launchd stand-in over a <see cref="TempHost"/>. Power-on loads every plist in the simulated
/// /Library/LaunchDaemons (read with plistutil) and, when someone is logged in at the GUI (console.user, written by
/// <see cref="SimulatedMacBoot"/>), that user's ~/Library/LaunchAgents into its gui/&lt;uid&gt; domain, as the
/// per-user launchd does at login; it starts each RunAtLoad job; a non-zero exit is restarted after
/// ThrottleInterval/20 when KeepAlive says SuccessfulExit=false, and a StartInterval job runs again every
/// StartInterval/20; `launchctl bootstrap` (either domain) loads and starts a job, `bootout` stops it and `kickstart`
/// starts it; a `shutdown` request, or a restart a fake tool starts itself (power.requests: softwareupdate --restart,
/// fdesetup authrestart), becomes a reboot: every tree SIGKILLed, a new boot time, power on again. launchctl.running
/// tells the fake `launchctl print` which jobs really run, and launchctl.status their runs and last exit since load.
/// </summary>
public sealed class BootHarness(TempHost host) : IDisposable
{
    private const int ThrottleScale = 20;
    private const int KilledBySignal = 137;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, LaunchdJob> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LaunchdJobProcess> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _restartAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _linesSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Runs, int? LastExit)> _sinceLoad = new(StringComparer.Ordinal);
    private readonly HashSet<string> _agents = new(StringComparer.Ordinal);
    private readonly List<int> _daemonExitCodes = [];
    private long _bootTime = 1_700_000_000;
    private bool _pointCutDue;

    /// <summary>
    /// While set, every start of our daemon gets RIG_BOOTSTRAP_CRASH_AFTER=N and a counter file shared by all starts,
    /// until one start has died by it: the Nth persistence point of the whole scenario, whichever run reaches it.
    /// </summary>
    public int? CrashAfter { get; set; }

    /// <summary>
    /// Persistence points (counted across the scenario's starts, as <see cref="CrashAfter"/>, in ascending order) at
    /// which the power goes out: the daemon SIGKILLs itself right after the point and, at the next tick, every other
    /// tree dies with it and the host boots again. The count runs on after each cut, so a run takes its cuts in turn.
    /// </summary>
    public Queue<int> PowerCutPoints { get; } = new();

    /// <summary>
    /// Moments, measured from the start of <see cref="RunAsync"/>, in ascending order, at which the power goes out
    /// wherever the host happens to be.
    /// </summary>
    public Queue<TimeSpan> PowerCutMoments { get; } = new();

    /// <summary>Power cuts made at a persistence point of <see cref="PowerCutPoints"/>.</summary>
    public int PointCuts { get; private set; }

    /// <summary>Power cuts made at a moment of <see cref="PowerCutMoments"/>.</summary>
    public int MomentCuts { get; private set; }

    /// <summary>Runs once, between the kill of a reboot and the next power-on (a torn write lands here).</summary>
    public Action? BeforeNextBoot { get; set; }

    /// <summary>What the machine itself does at every power-on before launchd starts jobs (see <see cref="SimulatedMacBoot"/>).</summary>
    public Action? AtPowerOn { get; set; }

    /// <summary>
    /// The people and the MDM around the host, asked at every tick while the harness runs; true means "power-cycle
    /// the host now" (an operator who has just registered the host's recipient restarts it rather than wait).
    /// </summary>
    public Func<Task<bool>>? Operator { get; set; }

    public int Boots { get; private set; }

    public int Reboots { get; private set; }

    public int Crashes { get; private set; }

    /// <summary>Starts launchd could not make because the program was gone (a crash mid-cleanup leaves the job loaded).</summary>
    public int SpawnFailures { get; private set; }

    /// <summary>SIGKILLs of our daemon alone (<see cref="KillDaemonAsync"/>), the host left running.</summary>
    public int DaemonKills { get; private set; }

    /// <summary>Starts of our daemon since the last power-on: a respawn storm shows here.</summary>
    public int DaemonStartsThisBoot { get; private set; }

    /// <summary>Every exit of our daemon the harness saw, in order (not the ones a reboot killed).</summary>
    public IReadOnlyList<int> DaemonExitCodes => _daemonExitCodes;

    private string LaunchDaemonsDirPath => Path.Join(host.RootDirPath, "Library", "LaunchDaemons");

    public async Task PowerOnAsync()
    {
        Boots++;
        DaemonStartsThisBoot = 0;
        host.SetBootTime(_bootTime);
        AtPowerOn?.Invoke();
        var plists = Directory.Exists(LaunchDaemonsDirPath) ? Directory.GetFiles(LaunchDaemonsDirPath, "*.plist") : [];
        foreach (var plist in plists.Order(StringComparer.Ordinal))
        {
            Load(await LaunchdPlistReader.ReadAsync(plist, host.DirPath));
        }

        // launchd's registry is memory: after a boot it holds exactly what the plists say.
        NewLines("launchctl.bootstrap");
        File.WriteAllLines(Path.Join(host.ToolsDirPath, "launchctl.loaded"), _loaded.Keys);
        await LoadConsoleUsersAgentsAsync();
        foreach (var job in _loaded.Values.Where(j => j.RunAtLoad))
        {
            Start(job);
        }

        PublishRunning();
    }

    /// <summary>SIGKILL every tree (no warning), a new boot time, power on.</summary>
    public async Task RebootAsync()
    {
        await KillEverythingAsync();
        if (_pointCutDue)
        {
            // The daemon died at its persistence point and the rest of the host goes down with it (or was going down).
            _pointCutDue = false;
            PointCuts++;
        }

        Reboots++;
        _bootTime += 600;
        BeforeNextBoot?.Invoke();
        BeforeNextBoot = null;
        await PowerOnAsync();
    }

    /// <summary>
    /// SIGKILLs our daemon's tree and nothing else, as the OOM killer or an operator's `kill -9` would; KeepAlive then
    /// restarts it (exit 137 is not a successful exit) on the next ticks of <see cref="RunAsync"/>. False when it was
    /// not running.
    /// </summary>
    public async Task<bool> KillDaemonAsync()
    {
        if (!_running.TryGetValue(TempHost.DefaultLabel, out var daemon) || daemon.HasExited)
        {
            return false;
        }

        await daemon.KillAsync();
        DaemonKills++;
        return true;
    }

    /// <summary>
    /// Plays launchd until our daemon is neither running nor due to restart, or until <paramref name="limit"/>;
    /// <paramref name="powerCutAfter"/> cuts the power once at that time. True when it settled.
    /// </summary>
    public async Task<bool> RunAsync(TimeSpan limit, TimeSpan? powerCutAfter = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (powerCutAfter is { } cut && watch.Elapsed >= cut)
            {
                powerCutAfter = null;
                await RebootAsync();
                continue;
            }

            if (PowerCutMoments.TryPeek(out var moment) && watch.Elapsed >= moment)
            {
                PowerCutMoments.Dequeue();
                MomentCuts++;
                await RebootAsync();
                continue;
            }

            // Both files are read every tick, so a request in either is consumed once.
            var rebootRequests = NewLines("shutdown.log").Count + NewLines("power.requests").Count;
            if (rebootRequests > 0)
            {
                await RebootAsync();
                continue;
            }

            if (Operator is not null && await Operator())
            {
                await RebootAsync();
                continue;
            }

            foreach (var label in NewLines("launchctl.bootout"))
            {
                _restartAt.Remove(label);
                if (_running.Remove(label, out var stopped))
                {
                    await stopped.KillAsync();
                    stopped.Dispose();
                }

                _loaded.Remove(label);
                _sinceLoad.Remove(label);
            }

            foreach (var plist in NewLines("launchctl.bootstrap"))
            {
                var job = await LaunchdPlistReader.ReadAsync(plist, host.DirPath);
                Load(job);
                if (job.RunAtLoad && !_running.ContainsKey(job.Label) && !_restartAt.ContainsKey(job.Label))
                {
                    Start(job);
                }
            }

            foreach (var label in NewLines("launchctl.kickstart"))
            {
                if (!_running.ContainsKey(label) && _loaded.TryGetValue(label, out var job))
                {
                    Start(job);
                }
            }

            ReapExits();
            if (_pointCutDue)
            {
                await RebootAsync();
                continue;
            }

            foreach (var (label, due) in _restartAt.Where(pair => pair.Value <= DateTime.UtcNow).ToList())
            {
                _restartAt.Remove(label);
                Start(_loaded[label]);
            }

            PublishRunning();
            if (!_running.ContainsKey(TempHost.DefaultLabel) && !_restartAt.ContainsKey(TempHost.DefaultLabel))
            {
                return true;
            }

            await Task.Delay(Tick);
        }

        return false;
    }

    public void Dispose() => KillEverythingAsync().GetAwaiter().GetResult();

    /// <summary>A job loaded afresh: launchd counts its runs (and keeps its last exit code) from the load.</summary>
    private void Load(LaunchdJob job)
    {
        _loaded[job.Label] = job;
        _sinceLoad[job.Label] = (0, null);
    }

    /// <summary>The console user's LaunchAgents, loaded into gui/&lt;uid&gt; as that user's login does (launchctl.gui.loaded).</summary>
    private async Task LoadConsoleUsersAgentsAsync()
    {
        var guiLoaded = Path.Join(host.ToolsDirPath, "launchctl.gui.loaded");
        _agents.Clear();
        var consoleFile = Path.Join(host.ToolsDirPath, "console.user");
        var user = File.Exists(consoleFile) ? File.ReadAllText(consoleFile).Trim() : "";
        var uid = UidOf(user);
        var agentsDirPath = Path.Join(host.RootDirPath, "Users", user, "Library", "LaunchAgents");
        if (user.Length == 0 || uid is null || !Directory.Exists(agentsDirPath))
        {
            File.WriteAllText(guiLoaded, "");
            return;
        }

        foreach (var plist in Directory.GetFiles(agentsDirPath, "*.plist").Order(StringComparer.Ordinal))
        {
            var job = await LaunchdPlistReader.ReadAsync(plist, host.DirPath);
            Load(job);
            _agents.Add(job.Label);
        }

        File.WriteAllLines(guiLoaded, _agents.Select(label => $"{uid} {label}"));
    }

    /// <summary>The uid the fake `id` gives (id.users: user, uid; tab-separated).</summary>
    private string? UidOf(string user)
    {
        var ids = Path.Join(host.ToolsDirPath, "id.users");
        return File.Exists(ids)
            ? File.ReadAllLines(ids).Select(line => line.Split('\t')).FirstOrDefault(f => f.Length == 2 && f[0] == user)?[1]
            : null;
    }

    private void ReapExits()
    {
        foreach (var (label, process) in _running.Where(pair => pair.Value.HasExited).ToList())
        {
            _running.Remove(label);
            var exitCode = process.ExitCode;
            process.Dispose();
            if (label == TempHost.DefaultLabel)
            {
                _daemonExitCodes.Add(exitCode);
                if (exitCode == KilledBySignal && CrashAfter is not null)
                {
                    // The injected crash happened; from here on the daemon runs undisturbed.
                    Crashes++;
                    CrashAfter = null;
                }

                NotePointCut();
            }

            if (_sinceLoad.TryGetValue(label, out var since))
            {
                _sinceLoad[label] = since with { LastExit = exitCode };
            }

            if (exitCode != 0 && process.Job.RestartOnFailure)
            {
                _restartAt[label] = DateTime.UtcNow + process.Job.ThrottleInterval / ThrottleScale;
            }
            else if (process.Job.StartInterval is { } interval)
            {
                _restartAt[label] = DateTime.UtcNow + interval / ThrottleScale;
            }
        }
    }

    private void Start(LaunchdJob job)
    {
        if (!File.Exists(job.ProgramArguments[0]) || (job.WorkingDirectory is { } dir && !Directory.Exists(dir)))
        {
            // launchd's posix_spawn fails and it retries each ThrottleInterval, harmlessly, until the next boot
            // unloads the plist-less job; the harness counts the failure instead of spinning.
            SpawnFailures++;
            return;
        }

        var fault = new Dictionary<string, string>();
        if (job.Label == TempHost.DefaultLabel)
        {
            DaemonStartsThisBoot++;
            if (CrashAfter is { } n)
            {
                // The count runs on across starts and boots, so the Nth persistence point of the whole scenario dies.
                fault[CrashCounter.CrashAfterVariable] = n.ToString(CultureInfo.InvariantCulture);
                fault[CrashCounter.FileVariable] = CrashCounter.PathFor(host);
            }
            else if (PowerCutPoints.TryPeek(out var point))
            {
                fault[CrashCounter.CrashAfterVariable] = point.ToString(CultureInfo.InvariantCulture);
                fault[CrashCounter.FileVariable] = CrashCounter.PathFor(host);
            }
        }

        _running[job.Label] = LaunchdJobProcess.Start(job, fault);
        if (_sinceLoad.TryGetValue(job.Label, out var since))
        {
            _sinceLoad[job.Label] = since with { Runs = since.Runs + 1 };
        }
    }

    /// <summary>
    /// After an exit of our daemon: when the shared count has reached the next cut point, the daemon died there (it
    /// kills itself at exactly that count), so the power cut is due; the points it has passed are used up.
    /// </summary>
    private void NotePointCut()
    {
        if (!PowerCutPoints.TryPeek(out var point) || CrashCounter.Read(host) < point)
        {
            return;
        }

        var seen = CrashCounter.Read(host);
        while (PowerCutPoints.TryPeek(out var next) && next <= seen)
        {
            PowerCutPoints.Dequeue();
        }

        _pointCutDue = true;
    }

    private async Task KillEverythingAsync()
    {
        // A run that died in this tick (an injected crash just before a reboot request) is counted before the power goes.
        ReapExits();
        foreach (var process in _running.Values)
        {
            await process.KillAsync();
            process.Dispose();
        }

        _running.Clear();
        _restartAt.Clear();
        _loaded.Clear();
        _sinceLoad.Clear();
        _agents.Clear();
        PublishRunning();
        foreach (var name in new[] { "shutdown.log", "power.requests", "launchctl.bootout", "launchctl.kickstart", "launchctl.bootstrap" })
        {
            NewLines(name); // requests made before the power went out died with it
        }
    }

    /// <summary>"label pid" per running job, written atomically for the fake `launchctl print`.</summary>
    private void PublishRunning()
    {
        var path = Path.Join(host.ToolsDirPath, "launchctl.running");
        File.WriteAllLines(path + ".new", _running.Where(pair => !pair.Value.HasExited).Select(pair => $"{pair.Key} {pair.Value.ProcessId}"));
        File.Move(path + ".new", path, overwrite: true);
        var status = Path.Join(host.ToolsDirPath, "launchctl.status");
        File.WriteAllLines(status + ".new", _sinceLoad.Select(pair =>
            $"{pair.Key} {pair.Value.Runs} {(pair.Value.LastExit is { } code ? code.ToString(CultureInfo.InvariantCulture) : "-")}"));
        File.Move(status + ".new", status, overwrite: true);
    }

    /// <summary>Lines appended to a fake tool's file since the harness last looked.</summary>
    private List<string> NewLines(string fileName)
    {
        var path = Path.Join(host.ToolsDirPath, fileName);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var seen = _linesSeen.GetValueOrDefault(fileName);
        _linesSeen[fileName] = lines.Length;
        return [.. lines.Skip(seen)];
    }
}
