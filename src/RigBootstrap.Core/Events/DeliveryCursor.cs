namespace RigBootstrap.Core.Events;

/// <summary>The durable delivery cursor: every event up to this sequence has been delivered (or dropped as poison).</summary>
internal sealed record DeliveryCursor
{
    public required long LastDeliveredSequence { get; init; }
}
