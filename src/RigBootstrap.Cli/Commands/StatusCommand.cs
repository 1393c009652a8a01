using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Status.Watch;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `status`: renders state.json as a table, as the state file itself (`--json`), or as a Jamf extension attribute;
/// `--wait` until the workflow is final, `--watch` every change until then, `--history` for the journal by boot.
/// Exit codes are a frozen contract (docs/exit-codes.md): 0 completed, 1 halted, 2 in progress, 69 not installed or
/// (with --wait) the daemon is not loaded, 75 --wait timed out, 65 the state cannot be read, 130 --watch interrupted.
/// </summary>
public static class StatusCommand
{
    private const string Text = "text";
    private const string Json = "json";
    private const string Jamf = "jamf";

    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the state file (the documented contract); the same as --format json" };
        var format = new Option<string?>("--format") { Description = "text (the default), json (the state file) or jamf (a Jamf extension attribute: one <result> line, always exit 0)" };
        format.AcceptOnlyFromAmong(Text, Json, Jamf);
        var wait = new Option<bool>("--wait") { Description = "Wait until the workflow is Completed (exit 0) or Halted (exit 1); exit 69 at once if the daemon is not loaded" };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long --wait waits before exit 75, as hh:mm:ss",
            DefaultValueFactory = _ => StatusWaiter.DefaultTimeout,
        };
        var history = new Option<bool>("--history") { Description = "The journal by boot: runs, reboots, halts, and the time each step spent running" };
        var watch = new Option<bool>("--watch")
        {
            Description = "Show every change until the workflow is Completed (exit 0) or Halted (exit 1): the view redrawn on a terminal, " +
                "one line per change otherwise, one state file per line with --json; Ctrl-C exits 130",
        };
        var pollInterval = new Option<TimeSpan>("--poll-interval")
        {
            Description = "How often --watch reads the state besides file events (which can be missed), as hh:mm:ss",
            DefaultValueFactory = _ => StatusWatcher.DefaultPollInterval,
        };
        var command = new Command("status", "Show where this host is, since when, why, and what happens next") { json, format, wait, timeout, history, watch, pollInterval };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var chosen = parse.GetValue(format) ?? (parse.GetValue(json) ? Json : Text);
            var usage = (chosen, parse.GetValue(json), parse.GetValue(wait), parse.GetValue(history), parse.GetResult(timeout) is { Implicit: false }) switch
            {
                (not Json, true, _, _, _) => $"--json and --format {chosen} disagree; pass one of them",
                (Jamf, _, true, _, _) => "--format jamf is for extension attributes, which must not wait; drop --wait",
                (not Text, _, _, true, _) => "--history prints text only; drop --json or --format",
                (_, _, true, true, _) => "--history reads the journal and does not wait; drop --wait",
                (_, _, false, _, true) => "--timeout is how long --wait waits; add --wait",
                _ => null,
            };
            usage ??= WatchUsage(parse.GetValue(watch), chosen, parse.GetValue(wait), parse.GetValue(history), parse.GetResult(pollInterval) is { Implicit: false }, parse.GetValue(pollInterval));
            if (usage is not null || parse.GetValue(timeout) <= TimeSpan.Zero)
            {
                Console.Error.WriteLine($"rig-bootstrap: {usage ?? "--timeout must be positive, such as 00:30:00"} (exit {ExitCodes.Usage})");
                return ExitCodes.Usage;
            }

            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            if (parse.GetValue(watch))
            {
                return await WatchAsync(paths, chosen, parse.GetValue(pollInterval), cancellationToken);
            }

            if (chosen == Jamf)
            {
                return ExtensionAttribute(paths);
            }

            if (parse.GetValue(wait))
            {
                return await WaitAsync(paths, parse.GetValue(global.ToolsDir), parse.GetValue(timeout), chosen, cancellationToken);
            }

            var loaded = new StateFileStore(paths).Load();
            if (loaded.State is not { } state)
            {
                return NotInstalled(paths);
            }

            Console.Write(parse.GetValue(history)
                ? HistoryRenderer.Render(History(paths), state.Label)
                : Render(state, chosen, paths));
            if (loaded.WasRecovered && chosen == Text)
            {
                Console.WriteLine($"  note: {loaded.RecoveredBecause}");
            }

            return CodeFor(state);
        }));
        return command;
    }

    /// <summary>
    /// Jamf records an extension attribute's output and ignores its exit code, and a script that prints no
    /// result leaves the attribute blank, hiding the host from smart groups: so always one line, always exit 0.
    /// </summary>
    private static int ExtensionAttribute(HostPaths paths)
    {
        try
        {
            Console.WriteLine(new StateFileStore(paths).Load().State is { } state
                ? JamfAttribute.Render(state)
                : JamfAttribute.Result(JamfAttribute.NotInstalledState, $"no state at {paths.StatePath}"));
        }
        catch (StateFileCorruptException ex)
        {
            Console.WriteLine(JamfAttribute.Result(JamfAttribute.UnreadableState, ex.Message));
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> WaitAsync(HostPaths paths, string? toolsDir, TimeSpan timeout, string format, CancellationToken cancellationToken)
    {
        var services = HostServicesFactory.ForHost(paths, toolsDir, NullLoggerFactory.Instance, HostServicesFactory.InstalledConfig(paths));
        var result = await new StatusWaiter(paths, services.ServiceManager, services.Time).WaitAsync(timeout, cancellationToken);
        if (result.State is { } state)
        {
            Console.Write(Render(state, format, paths));
        }

        switch (result.Outcome)
        {
            case WaitOutcome.Completed or WaitOutcome.Halted:
                return CodeFor(result.State!);
            case WaitOutcome.NotInstalled:
                return NotInstalled(paths);
            default:
                var code = result.Outcome == WaitOutcome.TimedOut ? ExitCodes.TemporaryFailure : ExitCodes.Unavailable;
                Console.Error.WriteLine($"rig-bootstrap: {result.Message} (exit {code})");
                return code;
        }
    }

    private static string? WatchUsage(bool watch, string format, bool wait, bool history, bool pollIntervalGiven, TimeSpan pollInterval) => (watch, format) switch
    {
        (false, _) when pollIntervalGiven => "--poll-interval is how often --watch reads the state; add --watch",
        (false, _) => null,
        (true, Jamf) => "--format jamf is for extension attributes, which must not wait; drop --watch",
        _ when wait => "--watch and --wait both wait; pass one of them (--wait prints once, at the end)",
        _ when history => "--history reads the journal once; drop --watch",
        _ when pollInterval <= TimeSpan.Zero => "--poll-interval must be positive, such as 00:00:02",
        _ => null,
    };

    /// <summary>
    /// Until the workflow is final, then the `status` code for it; Ctrl-C (SIGINT) cancels the token and exits 130
    /// (128 + the signal, as shells report it). Not a terminal (a pipe, a file, TERM=dumb): plain lines, no ANSI codes.
    /// </summary>
    private static async Task<int> WatchAsync(HostPaths paths, string format, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        IWatchFormat view = format == Json
            ? new JsonWatchFormat()
            : Console.IsOutputRedirected || Environment.GetEnvironmentVariable("TERM") is "dumb" ? new LineWatchFormat() : new TerminalWatchFormat();
        using var signal = new StateDirectorySignal(paths.StateDirPath);
        try
        {
            var state = await new StatusWatcher(paths, view, signal, TimeProvider.System, pollInterval).WatchAsync(Show, cancellationToken);
            return CodeFor(state);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        void Show(WatchFrame frame)
        {
            var writer = frame.IsNotice && format == Json ? Console.Error : Console.Out;
            writer.Write(frame.Text);
            writer.Flush();
        }
    }

    private static JournalAnalysis History(HostPaths paths)
    {
        var journal = new JournalReader(paths).Read();
        return JournalAnalyzer.Analyze(journal.Entries) with { TornLines = journal.TornLines };
    }

    private static string Render(StateFile state, string format, HostPaths paths) =>
        format == Json
            ? StateFileStore.Serialize(state)
            : StatusRenderer.Render(state, TimeProvider.System.GetUtcNow(), StuckStep.DefaultDeadline, Delivery(paths));

    /// <summary>events/delivered.json when events were ever configured here; null otherwise.</summary>
    private static DeliveryCursor? Delivery(HostPaths paths)
    {
        var cursorPath = OutboxPaths.For(paths).CursorPath;
        return File.Exists(cursorPath) ? DeliveryCursorFile.Read(cursorPath, NullLogger.Instance) : null;
    }

    private static int NotInstalled(HostPaths paths)
    {
        // A journal without a state file means the state was lost, not that rig-bootstrap never ran here (docs/invariants.md I1).
        if (new JournalReader(paths).ReadAll().Length > 0)
        {
            Console.Error.WriteLine(
                $"rig-bootstrap: {paths.StatePath} and its previous copy are missing, but {paths.JournalPath} shows earlier runs; " +
                $"run `rig-bootstrap reset --all` to start over (the age key and the journal are kept) (exit {ExitCodes.DataError})");
            return ExitCodes.DataError;
        }

        Console.Error.WriteLine($"rig-bootstrap: no state at {paths.StatePath}; rig-bootstrap is not installed on this host (exit {ExitCodes.Unavailable})");
        return ExitCodes.Unavailable;
    }

    private static int CodeFor(StateFile state) => state.Workflow.State switch
    {
        WorkflowState.Completed => ExitCodes.Ok,
        WorkflowState.Halted => ExitCodes.StatusHalted,
        _ => ExitCodes.StatusInProgress,
    };
}
