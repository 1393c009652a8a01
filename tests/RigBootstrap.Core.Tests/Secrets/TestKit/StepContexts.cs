using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>Step contexts whose facts persist in a shared dictionary, as the state file keeps them across runs and reboots.</summary>
public sealed class StepContexts
{
    private readonly Dictionary<string, string> _facts = new(StringComparer.Ordinal);

    public StepContexts(ILogger logger) => Logger = logger;

    public ILogger Logger { get; }

    public IReadOnlyDictionary<string, string> Facts => _facts;

    public StepContext New(string stepId) =>
        new(stepId, attempt: 1, bootId: "boot-1", afterReboot: false, _facts.ToImmutableSortedDictionary(StringComparer.Ordinal), Logger,
            (key, value, _) =>
            {
                if (value is null)
                {
                    _facts.Remove(key);
                }
                else
                {
                    _facts[key] = value;
                }

                return Task.CompletedTask;
            });
}
