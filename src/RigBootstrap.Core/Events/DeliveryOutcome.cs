namespace RigBootstrap.Core.Events;

/// <summary>What one POST of an event came to.</summary>
public enum DeliveryOutcome
{
    /// <summary>2xx: the receiver has it; move the cursor.</summary>
    Delivered,

    /// <summary>No answer, refused, timed out, 5xx, 408, 429, or an endpoint problem: send it again after a back-off.</summary>
    Retry,

    /// <summary>400, 413 or 422: the receiver refuses this very payload; resending it cannot help, so it is dropped.</summary>
    Rejected,
}
