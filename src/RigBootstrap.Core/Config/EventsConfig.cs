namespace RigBootstrap.Core.Config;

/// <summary>Where to post workflow events: an absolute http or https URL.</summary>
public sealed record EventsConfig
{
    public required Uri Url { get; init; }
}
