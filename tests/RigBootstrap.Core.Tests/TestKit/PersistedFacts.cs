using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// Stands in for the state file's facts of one step: each NewContext() is what the engine hands a step on one
/// run, built from the facts persisted so far, and SetFactAsync writes back here.
/// </summary>
public sealed class PersistedFacts
{
    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public StepContext NewContext(string stepId, int attempt = 1) =>
        new(stepId, attempt, "boot-1", afterReboot: false, Facts.ToImmutableSortedDictionary(StringComparer.Ordinal), NullLogger.Instance,
            (key, value, _) =>
            {
                Writes++;
                if (value is null)
                {
                    Facts.Remove(key);
                }
                else
                {
                    Facts[key] = value;
                }

                return Task.CompletedTask;
            });
}
