namespace RigBootstrap.StateMachine;

/// <summary>One move of a <see cref="StateMachine{TState, TTrigger}"/>, handed to actions and handlers.</summary>
public sealed record Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger)
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>True when the machine left and re-entered the same state (configured with <c>PermitReentry</c>).</summary>
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);
}
