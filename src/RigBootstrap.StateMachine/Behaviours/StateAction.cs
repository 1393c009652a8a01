namespace RigBootstrap.StateMachine;

/// <summary>An entry or exit action together with the text that describes it.</summary>
internal sealed record StateAction<TState, TTrigger>(Action<Transition<TState, TTrigger>> Action, string Description)
    where TState : notnull
    where TTrigger : notnull
{
    // Without reflection there is no method name to fall back on, so undescribed actions share one label.
    public const string UndescribedAction = "(no description)";

    public static StateAction<TState, TTrigger> Create(Action<Transition<TState, TTrigger>> action, string? description)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new StateAction<TState, TTrigger>(action, string.IsNullOrWhiteSpace(description) ? UndescribedAction : description);
    }

    public void Run(Transition<TState, TTrigger> transition) => Action(transition);
}
