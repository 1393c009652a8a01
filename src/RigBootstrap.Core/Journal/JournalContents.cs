using System.Collections.Immutable;

namespace RigBootstrap.Core.Journal;

/// <summary>What the journal holds: its entries, and how many lines a crash mid-append tore (they parse as nothing).</summary>
public sealed record JournalContents(ImmutableArray<JournalEntry> Entries, int TornLines);
