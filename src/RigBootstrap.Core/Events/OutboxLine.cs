namespace RigBootstrap.Core.Events;

/// <summary>An event read from or written to the outbox, with the bytes its line takes (for compaction).</summary>
internal sealed record OutboxLine(TransitionEvent Event, int Bytes);
