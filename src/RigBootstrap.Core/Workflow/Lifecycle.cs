using RigBootstrap.StateMachine;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// A set of legal moves over a persisted status: each question builds a throw-away machine over a local value, so
/// the state file stays the single source of truth and the rules live in one configure method.
/// </summary>
public sealed class Lifecycle<TState, TTrigger>(TState initial, Action<StateMachine<TState, TTrigger>> configure)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>The state a move lands in; throws InvalidTransitionException for an illegal move.</summary>
    public TState Next(TState from, TTrigger trigger)
    {
        var state = from;
        var machine = new StateMachine<TState, TTrigger>(() => state, s => state = s);
        configure(machine);
        machine.Fire(trigger);
        return state;
    }

    public bool CanMove(TState from, TTrigger trigger)
    {
        var machine = new StateMachine<TState, TTrigger>(from);
        configure(machine);
        return machine.CanFire(trigger);
    }

    public MachineDescription<TState, TTrigger> Describe()
    {
        var machine = new StateMachine<TState, TTrigger>(initial);
        configure(machine);
        return machine.Describe();
    }
}
