namespace RigBootstrap.StateMachine;

/// <summary>A named condition that must hold for a guarded transition to be taken.</summary>
internal sealed record TransitionGuard(Func<bool> Condition, string Description)
{
    public bool IsMet() => Condition();
}
