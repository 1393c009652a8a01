namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>The system clock moved by a fixed offset, to prove timestamps come from the injected clock.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly TimeSpan _shift;

    public ShiftedTimeProvider(TimeSpan shift)
    {
        _shift = shift;
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
