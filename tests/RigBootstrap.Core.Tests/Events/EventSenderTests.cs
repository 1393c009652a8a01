using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Events;

namespace RigBootstrap.Core.Tests.Events;

public sealed class EventSenderTests
{
    private static readonly Uri Url = new("http://127.0.0.1:9/events");

    private static TransitionEvent Sequenced(int n) => SampleTransitions.Event(n) with { Sequence = n };

    [Theory]
    [InlineData(200, DeliveryOutcome.Delivered)]
    [InlineData(201, DeliveryOutcome.Delivered)]
    [InlineData(202, DeliveryOutcome.Delivered)]
    [InlineData(204, DeliveryOutcome.Delivered)]
    [InlineData(400, DeliveryOutcome.Rejected)]
    [InlineData(413, DeliveryOutcome.Rejected)]
    [InlineData(422, DeliveryOutcome.Rejected)]
    [InlineData(401, DeliveryOutcome.Retry)]
    [InlineData(403, DeliveryOutcome.Retry)]
    [InlineData(404, DeliveryOutcome.Retry)]
    [InlineData(408, DeliveryOutcome.Retry)]
    [InlineData(409, DeliveryOutcome.Retry)]
    [InlineData(429, DeliveryOutcome.Retry)]
    [InlineData(500, DeliveryOutcome.Retry)]
    [InlineData(502, DeliveryOutcome.Retry)]
    [InlineData(503, DeliveryOutcome.Retry)]
    [InlineData(304, DeliveryOutcome.Retry)]
    public async Task A_status_code_is_judged_delivered_rejected_or_retried(int status, DeliveryOutcome expected)
    {
        using var http = new HttpClient(ScriptedHttpHandler.Answering((HttpStatusCode)status));
        var sender = new EventSender(http, Url, TimeSpan.FromSeconds(10), TimeProvider.System);

        var attempt = await sender.SendAsync(Sequenced(1), CancellationToken.None);

        attempt.Outcome.Should().Be(expected);
        attempt.Detail.Should().Be($"HTTP {status}");
    }

    [Fact]
    public async Task The_event_is_posted_as_json_with_its_id_as_the_idempotency_key()
    {
        var handler = ScriptedHttpHandler.Answering(HttpStatusCode.OK);
        using var http = new HttpClient(handler);
        var sender = new EventSender(http, Url, TimeSpan.FromSeconds(10), TimeProvider.System);
        var transition = Sequenced(7);

        await sender.SendAsync(transition, CancellationToken.None);

        var request = handler.LastRequest!;
        request.Method.Should().Be(HttpMethod.Post);
        request.RequestUri.Should().Be(Url);
        request.Content!.Headers.ContentType!.ToString().Should().Be("application/json");
        request.Headers.GetValues("Idempotency-Key").Should().Equal("mini-07:com.rig.bootstrap:7");
        using var body = JsonDocument.Parse(handler.LastBody!);
        body.RootElement.GetProperty("id").GetString().Should().Be(transition.Id);
        body.RootElement.GetProperty("sequence").GetInt64().Should().Be(7);
        body.RootElement.GetProperty("step").GetString().Should().Be("step-7");
        body.RootElement.GetProperty("bootId").GetString().Should().Be("boot-1");
        body.RootElement.GetProperty("time").GetDateTimeOffset().Should().Be(transition.Time);
    }

    [Fact]
    public async Task A_success_reached_only_after_a_redirect_turned_the_post_into_a_get_is_not_a_delivery()
    {
        using var http = new HttpClient(ScriptedHttpHandler.RedirectedTo(HttpMethod.Get, HttpStatusCode.OK));
        var sender = new EventSender(http, Url, TimeSpan.FromSeconds(10), TimeProvider.System);

        var attempt = await sender.SendAsync(Sequenced(1), CancellationToken.None);

        attempt.Outcome.Should().Be(DeliveryOutcome.Retry);
        attempt.Detail.Should().Contain("redirect").And.Contain("events.url");
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_given_up_on_at_the_request_timeout_and_retried()
    {
        var handler = ScriptedHttpHandler.NeverAnswering();
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var time = new FakeTimeProvider();
        var sender = new EventSender(http, Url, TimeSpan.FromSeconds(10), time);

        var sending = sender.SendAsync(Sequenced(1), CancellationToken.None);
        await handler.Received;
        time.Advance(TimeSpan.FromSeconds(10));
        var attempt = await sending;

        attempt.Outcome.Should().Be(DeliveryOutcome.Retry);
        attempt.Detail.Should().Contain("no answer within 10 s");
    }

    [Fact]
    public async Task Cancelling_the_caller_throws_rather_than_reporting_a_retry()
    {
        var handler = ScriptedHttpHandler.NeverAnswering();
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var sender = new EventSender(http, Url, TimeSpan.FromMinutes(10), TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        var sending = sender.SendAsync(Sequenced(1), cancel.Token);
        await handler.Received;
        await cancel.CancelAsync();

        await sending.Invoking(async s => await s).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        await using var receiver = FlakyEventReceiver.Reserve();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var sender = new EventSender(http, receiver.Url, TimeSpan.FromSeconds(10), TimeProvider.System);

        var attempt = await sender.SendAsync(Sequenced(1), CancellationToken.None);

        attempt.Outcome.Should().Be(DeliveryOutcome.Retry);
        attempt.Detail.Should().ContainEquivalentOf("refused");
    }
}
