using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RigBootstrap.Core.Events;

/// <summary>
/// POSTs one event as JSON with an Idempotency-Key header, giving up on a request after a timeout so a stalled
/// receiver cannot hold delivery forever.
/// </summary>
public sealed class EventSender : IEventSender
{
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeProvider _time;

    public EventSender(HttpClient client, Uri url, TimeSpan requestTimeout, TimeProvider time)
    {
        _client = client;
        _url = url;
        _requestTimeout = requestTimeout;
        _time = time;
    }

    public async Task<DeliveryAttempt> SendAsync(TransitionEvent transition, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = Body(transition) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", transition.Id);
        try
        {
            // Headers are enough to judge the outcome; the body of the answer is never read.
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.RequestMessage is { } answered && answered.Method != HttpMethod.Post)
            {
                // A 301/302 makes HttpClient follow a POST with a GET, whose 200 says nothing about the event.
                return DeliveryAttempt.Retry($"HTTP {(int)response.StatusCode} to a {answered.Method} after a redirect; set events.url to the final address");
            }

            return Judge(response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout, or HttpClient.Timeout: the receiver may have taken the event and not answered, so the
            // resend may be a duplicate, which the id lets it drop.
            return DeliveryAttempt.Retry($"no answer within {_requestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            // Connection refused or reset, DNS, TLS: all may heal on their own.
            return DeliveryAttempt.Retry(ex.Message);
        }
    }

    /// <summary>
    /// At least once beats at most once, except for a payload the receiver will never take: 400, 413 and 422 speak of
    /// this event, so it is dropped (logged) rather than blocking every later event forever. Every other status,
    /// including 401, 403 and 404, speaks of the endpoint or its configuration, which an operator can fix, so the
    /// event waits and is retried; in-order delivery resumes once it is fixed.
    /// </summary>
    public static DeliveryAttempt Judge(HttpStatusCode status)
    {
        var code = (int)status;
        var detail = $"HTTP {code}";
        return code switch
        {
            >= 200 and < 300 => DeliveryAttempt.Delivered(detail),
            400 or 413 or 422 => DeliveryAttempt.Rejected(detail),
            _ => DeliveryAttempt.Retry(detail),
        };
    }

    private static ByteArrayContent Body(TransitionEvent transition)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(transition, EventJsonReadable.Context.TransitionEvent));
        // JSON is UTF-8 by definition (RFC 8259); application/json defines no charset parameter.
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
