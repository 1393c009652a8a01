using System.Text.Json;
using System.Text.RegularExpressions;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// A halt that power cuts alone can bring, by design: boots in a row before any step finishes are a reboot loop
/// (docs/invariants.md I5), and a step whose run died in it as often as its attempts allow halts (docs/design.md:
/// every retry capped, persistently). Either names the step `rig-bootstrap retry` is for; any other halt is not one.
/// </summary>
public static partial class BudgetHalt
{
    /// <summary>The step to retry when the workflow is halted on one of those budgets; null otherwise.</summary>
    public static string? StepToRetry(TempHost host)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        var workflow = state.RootElement.GetProperty("workflow");
        if (workflow.GetProperty("state").GetString() != "Halted"
            || !workflow.TryGetProperty("reason", out var reason) || reason.GetString() is not { } text)
        {
            return null;
        }

        var match = RebootLoop().Match(text);
        if (!match.Success)
        {
            match = DiedInTheStep().Match(text);
        }

        return match.Success ? match.Groups["step"].Value : null;
    }

    [GeneratedRegex("^reboot loop on step (?<step>[a-z0-9-]+): ")]
    private static partial Regex RebootLoop();

    [GeneratedRegex("^step (?<step>[a-z0-9-]+) did not succeed in [0-9]+ attempts; last error: the run died during the step")]
    private static partial Regex DiedInTheStep();
}
