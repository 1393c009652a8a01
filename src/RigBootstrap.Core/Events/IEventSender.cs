namespace RigBootstrap.Core.Events;

/// <summary>Sends one event to the receiver; expected failures are outcomes, not exceptions.</summary>
public interface IEventSender
{
    /// <summary>Throws only <see cref="OperationCanceledException"/>, and only when <paramref name="cancellationToken"/> is canceled.</summary>
    Task<DeliveryAttempt> SendAsync(TransitionEvent transition, CancellationToken cancellationToken);
}
