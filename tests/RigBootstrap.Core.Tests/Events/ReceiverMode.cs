namespace RigBootstrap.Core.Tests.Events;

/// <summary>How the test receiver treats the next request.</summary>
public enum ReceiverMode
{
    /// <summary>Answers 500 and keeps nothing.</summary>
    Failing,

    /// <summary>Takes the event, then never answers (its answer is "lost"): the sender's timeout must fire.</summary>
    Stalling,

    /// <summary>Takes the event (once per id) and answers 200.</summary>
    Accepting,
}
