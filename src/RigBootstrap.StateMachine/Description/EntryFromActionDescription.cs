namespace RigBootstrap.StateMachine;

/// <summary>An entry action that runs only when its state is entered through <paramref name="Trigger"/>.</summary>
/// <param name="Trigger">The trigger the action is bound to.</param>
/// <param name="Description">What the action does.</param>
public sealed record EntryFromActionDescription<TTrigger>(TTrigger Trigger, string Description)
    where TTrigger : notnull;
