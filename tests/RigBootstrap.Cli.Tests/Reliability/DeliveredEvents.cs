using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Compares what a receiver took with what the journal says happened: transitions by (step, from, to) in journal
/// order, and the events the receiver answered 200, each id once in the order first taken.
/// </summary>
public static class DeliveredEvents
{
    /// <summary>FullBootstrap with events posted to <paramref name="url"/> and, when given, events.deliverFor.</summary>
    public static string Config(Uri url, string? deliverFor = null)
    {
        var events = deliverFor is null ? $$"""{ "url": "{{url}}" }""" : $$"""{ "url": "{{url}}", "deliverFor": "{{deliverFor}}" }""";
        var full = ReliabilityConfigs.FullBootstrap.TrimStart();
        return "{\n  \"events\": " + events + "," + full[1..];
    }

    /// <summary>Every step and workflow move in the journal, in order, as "step from->to" ("workflow" for the workflow).</summary>
    public static IReadOnlyList<string> JournalTransitions(TempHost host) =>
        [.. File.ReadLines(host.JournalPath)
            .Select(Parse)
            .Where(e => e is { } entry && entry.GetProperty("kind").GetString() is "step" or "workflow" && entry.TryGetProperty("to", out _))
            .Select(e => Describe(e!.Value))];

    /// <summary>The bodies the receiver answered 200, each id once, in the order first taken.</summary>
    public static IReadOnlyList<JsonElement> TakenOnce(EventReceiver receiver) =>
        [.. receiver.Answered.Where(a => a.Status == 200)
            .Select(a => JsonDocument.Parse(a.Body).RootElement)
            .DistinctBy(e => e.GetProperty("id").GetString())];

    /// <summary>Ids the receiver answered 200 more than once (allowed only after a kill: at least once, de-duplicated by id).</summary>
    public static IReadOnlyList<string> TakenTwice(EventReceiver receiver) =>
        [.. receiver.Answered.Where(a => a.Status == 200)
            .Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()!)
            .GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key)];

    /// <summary>"step from->to", or "workflow from->to" for a workflow move; journal lines and events alike.</summary>
    public static string Describe(JsonElement e)
    {
        var step = e.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return $"{step ?? "workflow"} {e.GetProperty("from").GetString()}->{e.GetProperty("to").GetString()}";
    }

    /// <summary>The workflow state in state.json, or null while it cannot be read.</summary>
    public static string? WorkflowState(TempHost host)
    {
        try
        {
            using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
            return state.RootElement.GetProperty("workflow").GetProperty("state").GetString();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException)
        {
            return null; // a torn line
        }
    }
}
