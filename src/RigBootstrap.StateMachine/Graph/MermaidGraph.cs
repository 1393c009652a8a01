using System.Text;

namespace RigBootstrap.StateMachine;

/// <summary>Renders a <see cref="MachineDescription{TState, TTrigger}"/> as a Mermaid <c>stateDiagram-v2</c>.</summary>
/// <remarks>
/// One line per transition (<c>Source --> Destination : Trigger [guard]</c>), reentries as self-loops, states in
/// description order, ignored triggers and actions left out. Lines end in <c>\n</c> on every platform so the
/// text is byte-for-byte stable for golden tests and committed docs.
/// </remarks>
public static class MermaidGraph
{
    /// <summary>Formats <paramref name="description"/> as Mermaid text.</summary>
    public static string Format<TState, TTrigger>(MachineDescription<TState, TTrigger> description)
        where TState : notnull
        where TTrigger : notnull
    {
        ArgumentNullException.ThrowIfNull(description);
        if (description.States.IsDefault || description.States.Any(state => state.Transitions.IsDefault))
        {
            throw new ArgumentException("The description's States and Transitions must be initialised arrays.", nameof(description));
        }

        var ids = MermaidStateIds<TState>.Assign(AllStates(description));
        var text = new StringBuilder("stateDiagram-v2\n");

        foreach (var (displayName, id) in ids.Aliases)
        {
            text.Append($"    state \"{MermaidText.EscapeLabel(displayName)}\" as {id}\n");
        }

        if (description.HasInitialState)
        {
            text.Append($"    [*] --> {ids.IdOf(description.InitialState!)}\n");
        }

        var connected = ConnectedStates(description);
        foreach (var state in description.States)
        {
            foreach (var transition in state.Transitions)
            {
                text.Append($"    {ids.IdOf(state.State)} --> {ids.IdOf(transition.Destination)} : {LabelOf(transition)}\n");
            }

            // A state with no arrow at all would otherwise vanish from the diagram.
            if (!connected.Contains(state.State))
            {
                text.Append($"    {ids.IdOf(state.State)}\n");
            }
        }

        return text.ToString();
    }

    private static string LabelOf<TState, TTrigger>(TransitionDescription<TState, TTrigger> transition)
        where TState : notnull
        where TTrigger : notnull
    {
        var trigger = MermaidText.EscapeLabel(MermaidText.NameOf(transition.Trigger));
        return transition.GuardDescription is null
            ? trigger
            : $"{trigger} [{MermaidText.EscapeLabel(transition.GuardDescription)}]";
    }

    private static IEnumerable<TState> AllStates<TState, TTrigger>(MachineDescription<TState, TTrigger> description)
        where TState : notnull
        where TTrigger : notnull
    {
        // A hand-built description may name destinations it does not list; they still need an id.
        var states = description.States.SelectMany(
            state => state.Transitions.Select(transition => transition.Destination).Prepend(state.State));
        return description.HasInitialState ? states.Append(description.InitialState!) : states;
    }

    private static HashSet<TState> ConnectedStates<TState, TTrigger>(MachineDescription<TState, TTrigger> description)
        where TState : notnull
        where TTrigger : notnull
    {
        var connected = new HashSet<TState>();
        foreach (var state in description.States.Where(state => !state.Transitions.IsEmpty))
        {
            connected.Add(state.State);
            connected.UnionWith(state.Transitions.Select(transition => transition.Destination));
        }

        if (description.HasInitialState)
        {
            connected.Add(description.InitialState!);
        }

        return connected;
    }
}
