namespace RigBootstrap.Core.State;

/// <summary>Another rig-bootstrap holds the lock; try again later (exit 75).</summary>
public sealed class LockBusyException(string message) : Exception(message);
