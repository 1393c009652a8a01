namespace RigBootstrap.Core.Adapters;

/// <summary>One place that says what the MDM granted: tccd's MDMOverrides.plist, or the installed configuration profiles.</summary>
public interface ITccPolicySource
{
    /// <summary>The source's name in status messages, such as "MDMOverrides.plist".</summary>
    string Name { get; }

    /// <summary>Reads the source; expected failures (no Full Disk Access, a tool missing) are an <see cref="TccSourceReading.Unreadable"/>.</summary>
    Task<TccSourceReading> ReadAsync(CancellationToken cancellationToken);
}
