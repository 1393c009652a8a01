using Stateless;
using Stateless.Graph;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// A set of legal moves over a persisted status, kept by Stateless. Each question builds a throw-away machine whose
/// state lives in a local through Stateless's accessor/mutator constructor, so the state file stays the single source
/// of truth and the rules live in one configure method (docs/adr/0004-stateless.md).
/// </summary>
public sealed class Lifecycle<TState, TTrigger>(string name, TState initial, Action<StateMachine<TState, TTrigger>> configure)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>What the machine is called in error messages ("workflow", "step").</summary>
    public string Name { get; } = name;

    /// <summary>The state a move lands in; throws <see cref="IllegalMoveException"/> for a move the rules do not list.</summary>
    public TState Next(TState from, TTrigger trigger)
    {
        var state = from;
        Build(() => state, s => state = s).Fire(trigger);
        return state;
    }

    public bool CanMove(TState from, TTrigger trigger) => Build(() => from, _ => { }).CanFire(trigger);

    /// <summary>The triggers accepted in <paramref name="from"/>, in the enum's order.</summary>
    public IReadOnlyList<TTrigger> Triggers(TState from) => Accepted(Build(() => from, _ => { }));

    /// <summary>Stateless's own Mermaid export of the rules, starting at the initial state; docs/workflow.md shows it.</summary>
    public string Mermaid()
    {
        var text = MermaidGraph.Format(Build(() => initial, _ => { }).GetInfo());
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private StateMachine<TState, TTrigger> Build(Func<TState> read, Action<TState> write)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write);
        configure(machine);
        // Stateless's default refusal says "consider ignoring the trigger", which is the wrong fix here: an unlisted
        // move is a bug in the engine, and the message should say what was legal instead.
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new IllegalMoveException(Name, state, trigger, [.. unmetGuards ?? []], [.. Accepted(machine).Select(t => t.ToString())]));
        return machine;
    }

    private static List<TTrigger> Accepted(StateMachine<TState, TTrigger> machine) => [.. Enum.GetValues<TTrigger>().Where(machine.CanFire)];
}
