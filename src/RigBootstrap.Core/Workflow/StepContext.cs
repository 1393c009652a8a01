using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace RigBootstrap.Core.Workflow;

/// <summary>What a step sees of the engine: its persisted facts, the boot, and a way to persist new facts.</summary>
public sealed class StepContext
{
    private readonly Func<string, string?, CancellationToken, Task> _setFact;
    private readonly Func<string, CancellationToken, Task<bool>>? _recordSelfReboot;

    public StepContext(
        string stepId,
        int attempt,
        string bootId,
        bool afterReboot,
        ImmutableSortedDictionary<string, string> facts,
        ILogger logger,
        Func<string, string?, CancellationToken, Task> setFact,
        Func<string, CancellationToken, Task<bool>>? recordSelfReboot = null)
    {
        _recordSelfReboot = recordSelfReboot;
        StepId = stepId;
        Attempt = attempt;
        BootId = bootId;
        AfterReboot = afterReboot;
        Facts = facts;
        Logger = logger;
        _setFact = setFact;
    }

    public string StepId { get; }

    public int Attempt { get; }

    public string BootId { get; }

    /// <summary>True when the step asked for a reboot in an earlier boot and is being verified now.</summary>
    public bool AfterReboot { get; }

    public ImmutableSortedDictionary<string, string> Facts { get; private set; }

    public ILogger Logger { get; }

    /// <summary>Persists a small non-secret fact at once (a persistence point); null removes it.</summary>
    public async Task SetFactAsync(string key, string? value, CancellationToken cancellationToken)
    {
        await _setFact(key, value, cancellationToken);
        Facts = value is null ? Facts.Remove(key) : Facts.SetItem(key, value);
    }

    /// <summary>
    /// For a step whose apply restarts the host by itself (os-upgrade): persists the reboot intent before the command
    /// runs (docs/design.md §10), so the next boot is known as one we asked for. False when the reboot budget is spent: the
    /// step must not start the command, and should return a Fail.
    /// </summary>
    public Task<bool> RecordSelfRebootAsync(string reason, CancellationToken cancellationToken) =>
        _recordSelfReboot?.Invoke(reason, cancellationToken)
        ?? throw new InvalidOperationException($"step {StepId} may not reboot the host by itself here");
}
