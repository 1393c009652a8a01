namespace RigBootstrap.Core.State;

/// <summary>
/// Thrown by in-process fault injection to stand for a crash at a persistence point; the engine never catches
/// it, so a test sees the run stop exactly there. The published binary kills itself instead.
/// </summary>
public sealed class PersistencePointCrashException(string point) : Exception($"injected crash after persistence point '{point}'");
