namespace RigBootstrap.StateMachine.Tests.TestKit;

/// <summary>External state storage that counts reads and records every write, like a state file would see them.</summary>
public sealed class RecordingStateStore
{
    private readonly List<StepStatus> _writes = [];

    public RecordingStateStore(StepStatus initial)
    {
        Current = initial;
    }

    /// <summary>The backing value; tests change it behind the machine's back.</summary>
    public StepStatus Current { get; set; }

    /// <summary>When false, writes are recorded but not applied, to prove the machine does not cache.</summary>
    public bool AppliesWrites { get; set; } = true;

    public int ReadCount { get; private set; }

    public IReadOnlyList<StepStatus> Writes => _writes;

    public StepStatus Read()
    {
        ReadCount++;
        return Current;
    }

    public void Write(StepStatus state)
    {
        _writes.Add(state);
        if (AppliesWrites)
        {
            Current = state;
        }
    }

    public StateMachine<StepStatus, StepTrigger> CreateMachine() => new(Read, Write);
}
