namespace RigBootstrap.Core.Status.Watch;

/// <summary>Tells `status --watch` that the state directory may have changed, so it reads the state again at once.</summary>
public interface IStateChangeSignal : IDisposable
{
    /// <summary>
    /// Completes when something in the state directory changed since the previous call returned (a change in between
    /// is kept, never lost). It may never complete, when file events are unavailable: the watch polls as well.
    /// </summary>
    Task WaitAsync(CancellationToken cancellationToken);
}
