namespace RigBootstrap.StateMachine;

/// <summary>An entry action that runs only when the state is entered through one trigger.</summary>
internal sealed record EntryFromAction<TState, TTrigger>(TTrigger Trigger, StateAction<TState, TTrigger> Action)
    where TState : notnull
    where TTrigger : notnull
{
    public bool AppliesTo(Transition<TState, TTrigger> transition) =>
        EqualityComparer<TTrigger>.Default.Equals(Trigger, transition.Trigger);
}
