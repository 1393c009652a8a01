namespace RigBootstrap.StateMachine;

/// <summary>The in-memory state cell behind the machine's single-argument constructor.</summary>
internal sealed class StoredState<TState>
{
    private TState _current;

    public StoredState(TState initial)
    {
        Initial = initial;
        _current = initial;
    }

    public TState Initial { get; }

    public TState Read() => _current;

    public void Write(TState state) => _current = state;
}
