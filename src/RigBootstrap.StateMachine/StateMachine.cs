using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>A small, synchronous state machine whose state may live outside it (accessor and mutator).</summary>
/// <remarks>
/// <para>
/// <c>Fire</c> runs, in this order: the source state's exit actions; the mutator (the state is now the
/// destination); the <c>OnTransitioned</c> handlers in registration order; the destination's
/// <c>OnEntryFrom</c> actions for the trigger, then its <c>OnEntry</c> actions. Reentry runs the same
/// sequence with source and destination equal. Ignored triggers run nothing.
/// </para>
/// <para>
/// The machine never caches the state: every read goes through the accessor and every change through the
/// mutator. The mutator is a plain synchronous setter and is <b>not</b> a durability hook: it runs before the
/// entry actions and cannot be awaited, so callers persist after <c>Fire</c> returns.
/// </para>
/// <para>
/// An exception from an action or handler propagates out of <c>Fire</c> unchanged and the remaining steps are
/// skipped. If it came from an exit action the mutator has not run and the state is still the source; if it
/// came from an <c>OnTransitioned</c> handler or an entry action the state is already the destination.
/// Either way the machine accepts the next <c>Fire</c>.
/// </para>
/// <para>
/// Calling <c>Fire</c> from inside an action, guard or handler throws <see cref="InvalidOperationException"/>:
/// there is deliberately no trigger queue. The machine is not thread-safe.
/// </para>
/// </remarks>
public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Func<TState> _stateAccessor;
    private readonly Action<TState> _stateMutator;
    private readonly bool _hasInitialState;
    private readonly TState? _initialState;
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger>> _configurations = [];
    private ImmutableArray<StateConfiguration<TState, TTrigger>> _configurationOrder = [];
    private ImmutableArray<Action<Transition<TState, TTrigger>>> _transitionedHandlers = [];
    private Action<TState, TTrigger, ImmutableArray<string>>? _unhandledTriggerHandler;
    private bool _isFiring;

    /// <summary>Creates a machine whose state is read through <paramref name="stateAccessor"/> and written through <paramref name="stateMutator"/>.</summary>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
    }

    /// <summary>Creates a machine that keeps its state in memory, starting at <paramref name="initialState"/>.</summary>
    public StateMachine(TState initialState)
        : this(new StoredState<TState>(initialState ?? throw new ArgumentNullException(nameof(initialState))))
    {
    }

    private StateMachine(StoredState<TState> storedState)
        : this(storedState.Read, storedState.Write)
    {
        _hasInitialState = true;
        _initialState = storedState.Initial;
    }

    /// <summary>The current state, read through the accessor on every call.</summary>
    public TState State => ReadState();

    /// <summary>The rules of <paramref name="state"/>; repeated calls return the same object.</summary>
    public StateConfiguration<TState, TTrigger> Configure(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!_configurations.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration<TState, TTrigger>(state);
            _configurations.Add(state, configuration);
            _configurationOrder = _configurationOrder.Add(configuration);
        }

        return configuration;
    }

    /// <summary>Adds a handler called after every transition, between exit and entry actions; handlers run in registration order.</summary>
    public void OnTransitioned(Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _transitionedHandlers = _transitionedHandlers.Add(action);
    }

    /// <summary>Replaces the default throw for unhandled triggers; the handler gets the state, the trigger and the unmet guard descriptions.</summary>
    /// <remarks>A later call replaces an earlier handler.</remarks>
    public void OnUnhandledTrigger(Action<TState, TTrigger, ImmutableArray<string>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _unhandledTriggerHandler = action;
    }

    /// <summary>Describes the configuration without reading the state or evaluating any guard.</summary>
    public MachineDescription<TState, TTrigger> Describe()
    {
        var described = _configurationOrder.Select(configuration => configuration.Describe()).ToList();
        var known = new HashSet<TState>(_configurationOrder.Select(configuration => configuration.State));

        // States only ever reached (or started in) still belong in the picture, after the configured ones.
        var mentioned = _configurationOrder.SelectMany(configuration => configuration.Destinations);
        if (_hasInitialState)
        {
            mentioned = mentioned.Append(_initialState!);
        }

        foreach (var state in mentioned.Where(known.Add))
        {
            described.Add(new StateDescription<TState, TTrigger>(state, [], [], [], [], []));
        }

        return new MachineDescription<TState, TTrigger>([.. described], _initialState, _hasInitialState);
    }

    private TState ReadState() =>
        _stateAccessor() ?? throw new InvalidOperationException("The state accessor returned null; it must return a state.");

    private StateConfiguration<TState, TTrigger>? FindConfiguration(TState state) =>
        _configurations.GetValueOrDefault(state);
}
