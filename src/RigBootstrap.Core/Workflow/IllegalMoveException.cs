namespace RigBootstrap.Core.Workflow;

/// <summary>
/// A workflow or step move its lifecycle does not list: a bug in the engine, refused before anything is written
/// (docs/workflow.md draws the legal moves).
/// </summary>
public sealed class IllegalMoveException : InvalidOperationException
{
    public IllegalMoveException(string machine, object state, object trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<string> permitted)
        : base(BuildMessage(machine, state, trigger, unmetGuards, permitted))
    {
        Machine = machine;
        State = state.ToString() ?? "";
        Trigger = trigger.ToString() ?? "";
        UnmetGuards = unmetGuards;
        Permitted = permitted;
    }

    public string Machine { get; }

    public string State { get; }

    public string Trigger { get; }

    /// <summary>Descriptions of the guards that held the move back; empty when the state does not list the trigger at all.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>The triggers the state accepts.</summary>
    public IReadOnlyList<string> Permitted { get; }

    private static string BuildMessage(string machine, object state, object trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<string> permitted)
    {
        var why = unmetGuards.Count == 0
            ? $"the {machine} lifecycle has no move '{trigger}' from state '{state}'"
            : $"the {machine} lifecycle allows '{trigger}' from state '{state}' only when {string.Join(" or ", unmetGuards.Select(g => $"'{g}'"))} holds, and it does not";
        var allowed = permitted.Count == 0 ? "none (the state is final)" : string.Join(", ", permitted);
        return $"Refused {machine} move: {why}; moves allowed from '{state}': {allowed}. Nothing was written. " +
            "This is a bug in rig-bootstrap: report it with the output of `rig-bootstrap status --history` (docs/workflow.md draws the legal moves).";
    }
}
