using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>Journal entries, state files and events to feed the outbox with.</summary>
internal static class SampleTransitions
{
    public const string Host = "mini-07";
    public const string Label = "com.rig.bootstrap";

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TransitionEvent Event(int n) => new()
    {
        Host = Host,
        Label = Label,
        Step = $"step-{n}",
        From = "Pending",
        To = "Running",
        Reason = $"reason {n}",
        BootId = "boot-1",
        Time = Start.AddSeconds(n),
    };

    public static JournalEntry StepEntry(int n) => new()
    {
        Time = Start.AddSeconds(n),
        BootId = "boot-1",
        Kind = "step",
        Step = $"step-{n}",
        From = "Pending",
        To = "Running",
        Reason = $"reason {n}",
        Attempt = 1,
    };

    public static StateFile State() => new()
    {
        Version = "test",
        Label = Label,
        WorkflowVersion = "abc",
        Workflow = new WorkflowStatus { State = WorkflowState.Running, Since = Start, Reason = "running" },
        BootId = "boot-1",
        Steps = [],
        UpdatedAt = Start,
    };

    /// <summary>Opens the outbox of <paramref name="root"/> as the daemon does, with this host name and label.</summary>
    public static EventOutbox Open(TempHostRoot root, ILogger? logger = null) => EventOutbox.Open(root.Paths, Host, Label, logger ?? NullLogger.Instance);

    /// <summary>Journals step entry <paramref name="n"/> as the workflow does (durably); on a fresh journal it is line n.</summary>
    public static void Journal(TempHostRoot root, int n) => new JournalWriter(root.Paths).Append(StepEntry(n));

    /// <summary>The ids the outbox gives events 1..count on a fresh host.</summary>
    public static ImmutableArray<string> Ids(int count) => [.. Enumerable.Range(1, count).Select(n => $"{Host}:{Label}:{n}")];
}
