namespace RigBootstrap.Core.Events;

/// <summary>Timeouts and back-off for event delivery; tests shorten them.</summary>
public sealed record EventDeliveryOptions
{
    /// <summary>How long one POST may take before it counts as failed (a stalled receiver).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a starting run waits for a previous one to release the outbox (it drains for a bounded time).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(15);
}
