using System.Globalization;

namespace RigBootstrap.Core.Status;

/// <summary>Durations as an operator reads them: the two largest units ("3h 2m"), or milliseconds for quick steps.</summary>
public static class DurationText
{
    /// <summary>Coarse, for ages and waits: "2d 4h", "3h 2m", "5m 3s", "12s".</summary>
    public static string Coarse(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours}h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours}h {span.Minutes}m",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes}m {span.Seconds}s",
        _ => $"{Math.Max(0, (int)span.TotalSeconds)}s",
    };

    /// <summary>Fine, for step timings: "85ms" and "3.2s" below a minute, then as <see cref="Coarse"/>.</summary>
    public static string Fine(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMilliseconds)}ms"),
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0}s"),
        _ => Coarse(span),
    };

    /// <summary>A UTC instant to the second, or "-" when there is none.</summary>
    public static string Stamp(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
