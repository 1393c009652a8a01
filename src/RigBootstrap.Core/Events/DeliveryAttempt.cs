namespace RigBootstrap.Core.Events;

/// <summary>The outcome of one POST and what happened, for the log (a status code or the network problem).</summary>
public sealed record DeliveryAttempt
{
    public required DeliveryOutcome Outcome { get; init; }

    public required string Detail { get; init; }

    public static DeliveryAttempt Delivered(string detail) => new() { Outcome = DeliveryOutcome.Delivered, Detail = detail };

    public static DeliveryAttempt Retry(string detail) => new() { Outcome = DeliveryOutcome.Retry, Detail = detail };

    public static DeliveryAttempt Rejected(string detail) => new() { Outcome = DeliveryOutcome.Rejected, Detail = detail };
}
