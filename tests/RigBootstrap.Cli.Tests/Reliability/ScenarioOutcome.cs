using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>What a scenario left on the host: the workflow state and the side effects counted in `*.count` files.</summary>
public sealed record ScenarioOutcome
{
    public required string WorkflowState { get; init; }

    /// <summary>Side effects done more than once, summed over every counted command (must be 0).</summary>
    public required int SideEffectsRepeated { get; init; }

    public required int SideEffectsDone { get; init; }

    public static ScenarioOutcome Read(TempHost host)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        var counts = Directory.GetFiles(host.RootDirPath, "*.count").Select(f => File.ReadAllLines(f).Length).ToList();
        return new ScenarioOutcome
        {
            WorkflowState = state.RootElement.GetProperty("workflow").GetProperty("state").GetString() ?? "",
            SideEffectsRepeated = counts.Sum(c => Math.Max(0, c - 1)),
            SideEffectsDone = counts.Count,
        };
    }

    /// <summary>The end every scenario must reach: Completed, plist and binary gone, state and journal kept.</summary>
    public static void ShouldBeCompletedAndCleanedUp(TempHost host, string because)
    {
        Read(host).WorkflowState.Should().Be("Completed", because);
        File.Exists(host.PlistPath()).Should().BeFalse(because);
        File.Exists(host.InstalledBinaryPath).Should().BeFalse(because);
        File.Exists(host.StatePath).Should().BeTrue(because);
        File.Exists(host.JournalPath).Should().BeTrue(because);
    }
}
