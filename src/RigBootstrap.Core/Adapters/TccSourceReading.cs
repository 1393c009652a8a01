using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters;

/// <summary>What one source of MDM TCC policy gave when read: its entries, nothing yet, or why it could not be read.</summary>
public abstract record TccSourceReading
{
    private TccSourceReading()
    {
    }

    /// <summary>The source was read; <paramref name="Entries"/> may be empty.</summary>
    public sealed record Read(ImmutableArray<TccPolicyEntry> Entries) : TccSourceReading;

    /// <summary>The source does not exist yet (no PPPC profile applied): an answer, not a failure.</summary>
    public sealed record Absent(string Why) : TccSourceReading;

    /// <summary>The source exists but could not be read; <paramref name="Problem"/> names the cause and the fix.</summary>
    public sealed record Unreadable(string Problem) : TccSourceReading;
}
