namespace RigBootstrap.Core.Config;

/// <summary>Where to post workflow events (an absolute http or https URL), and how long delivery may outlive the workflow.</summary>
public sealed record EventsConfig
{
    /// <summary>The default of <see cref="DeliverFor"/>: a receiver down over a night or a weekend day still hears `Completed`.</summary>
    public static readonly TimeSpan DefaultDeliverFor = TimeSpan.FromHours(24);

    /// <summary>The longest <see cref="DeliverFor"/> the config accepts: a daemon lingering past a week is a forgotten one.</summary>
    public static readonly TimeSpan LongestDeliverFor = TimeSpan.FromDays(7);

    public required Uri Url { get; init; }

    /// <summary>
    /// After `Completed`, the daemon stays (plist and binary in place) delivering what is left for at most this long,
    /// counted from `Completed`; then it records what could never be delivered and removes itself (docs/events.md).
    /// </summary>
    public TimeSpan DeliverFor { get; init; } = DefaultDeliverFor;
}
