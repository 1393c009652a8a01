using System.Net;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>An in-memory HTTP handler: answers every request with one status, or never (until canceled), and keeps the last request.</summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly HttpStatusCode? _status;
    private readonly HttpMethod? _answeredMethod;
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedHttpHandler(HttpStatusCode? status, HttpMethod? answeredMethod = null)
    {
        _status = status;
        _answeredMethod = answeredMethod;
    }

    public HttpRequestMessage? LastRequest { get; private set; }

    public string? LastBody { get; private set; }

    /// <summary>Completes when the first request arrives.</summary>
    public Task Received => _received.Task;

    public static ScriptedHttpHandler Answering(HttpStatusCode status) => new(status);

    public static ScriptedHttpHandler NeverAnswering() => new(null);

    /// <summary>Answers as if a redirect had been followed with another method (what HttpClient does to a POST on 301/302).</summary>
    public static ScriptedHttpHandler RedirectedTo(HttpMethod method, HttpStatusCode finalStatus) => new(finalStatus, method);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _received.TrySetResult();
        if (_status is not { } status)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var answered = _answeredMethod is null ? request : new HttpRequestMessage(_answeredMethod, request.RequestUri);
        return new HttpResponseMessage(_status!.Value) { RequestMessage = answered };
    }
}
