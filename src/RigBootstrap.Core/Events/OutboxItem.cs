namespace RigBootstrap.Core.Events;

/// <summary>
/// One undelivered event and where it came from: a journal line (delivering it moves the cursor past
/// <paramref name="EndOffset"/>), or the outbox file an earlier build kept (<paramref name="Legacy"/>).
/// </summary>
internal sealed record OutboxItem(TransitionEvent Event, long EndOffset, bool Legacy);
