using System.Collections.Immutable;
using RigBootstrap.Core.Events;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>A fake sender: answers with scripted outcomes (then Delivered), recording every event it was given.</summary>
public sealed class ScriptedEventSender : IEventSender
{
    private readonly Lock _gate = new();
    private readonly Queue<DeliveryAttempt> _script;
    private readonly List<TransitionEvent> _sent = [];

    public ScriptedEventSender(params DeliveryAttempt[] script) => _script = new Queue<DeliveryAttempt>(script);

    public ImmutableArray<TransitionEvent> Sent
    {
        get { lock (_gate) { return [.. _sent]; } }
    }

    public int Calls
    {
        get { lock (_gate) { return _sent.Count; } }
    }

    public Task<DeliveryAttempt> SendAsync(TransitionEvent transition, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _sent.Add(transition);
            return Task.FromResult(_script.TryDequeue(out var next) ? next : DeliveryAttempt.Delivered("HTTP 200"));
        }
    }
}
