using System.Collections.Immutable;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// A step whose effect is a file under the host root, like a real idempotent step: probe and verify look at the
/// file, apply writes it and counts how often it ran (a side effect that must not happen twice).
/// </summary>
public sealed class ScriptedStep : IStep
{

    public ScriptedStep(string id, string markerDirPath, params string[] dependsOn)
    {
        Id = id;
        DependsOn = [.. dependsOn];
        MarkerPath = Path.Join(markerDirPath, id + ".done");
    }

    public string Id { get; }

    /// <summary>The file whose presence means the step's effect is in place.</summary>
    public string MarkerPath { get; }

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; init; } = new() { Description = "scripted", MaxAttempts = 3, RetryBackoff = TimeSpan.FromSeconds(1) };

    /// <summary>What apply returns; the default writes the marker and returns Done.</summary>
    public Func<int, ApplyResult>? Outcome { get; init; }

    /// <summary>Thrown from apply when set (a crash of the step's own code).</summary>
    public Exception? Throws { get; init; }

    public bool WriteMarker { get; init; } = true;

    public int Applies { get; private set; }

    public int Verifies { get; private set; }

    public Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult(File.Exists(MarkerPath));

    public Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        Applies++;
        if (Throws is not null)
        {
            throw Throws;
        }

        if (WriteMarker)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(MarkerPath)!);
            File.WriteAllText(MarkerPath, "done");
        }

        return Task.FromResult(Outcome?.Invoke(Applies) ?? ApplyResult.Succeeded);
    }

    public Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        Verifies++;
        return Task.FromResult(File.Exists(MarkerPath) ? VerifyResult.Passed : VerifyResult.Failed($"{MarkerPath} is missing"));
    }
}
