using System.Collections.Immutable;
using RigBootstrap.Core.Events;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>Wraps a real sender and records every outcome, so a test can wait for "refused three times".</summary>
public sealed class CountingEventSender : IEventSender
{
    private readonly IEventSender _inner;
    private readonly Lock _gate = new();
    private readonly List<DeliveryAttempt> _attempts = [];

    public CountingEventSender(IEventSender inner) => _inner = inner;

    public ImmutableArray<DeliveryAttempt> Attempts
    {
        get { lock (_gate) { return [.. _attempts]; } }
    }

    public int Count(Func<DeliveryAttempt, bool> predicate) => Attempts.Count(predicate);

    public async Task<DeliveryAttempt> SendAsync(TransitionEvent transition, CancellationToken cancellationToken)
    {
        var attempt = await _inner.SendAsync(transition, cancellationToken);
        lock (_gate)
        {
            _attempts.Add(attempt);
        }

        return attempt;
    }
}
