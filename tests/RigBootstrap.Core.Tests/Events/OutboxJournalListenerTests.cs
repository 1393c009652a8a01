using RigBootstrap.Core.Events;

namespace RigBootstrap.Core.Tests.Events;

public sealed class OutboxJournalListenerTests
{
    [Fact]
    public async Task A_journaled_move_wakes_whoever_waits_on_the_signal()
    {
        var signal = new DeliverySignal();
        var listener = new OutboxJournalListener(signal);
        var woken = signal.NextNotification();

        listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        woken.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void An_entry_that_is_not_a_move_wakes_nobody()
    {
        var signal = new DeliverySignal();
        var listener = new OutboxJournalListener(signal);
        var woken = signal.NextNotification();

        listener.OnAppended(SampleTransitions.StepEntry(1) with { Kind = "run-started", From = null, To = null }, SampleTransitions.State());

        woken.IsCompleted.Should().BeFalse();
    }
}
