using System.Collections.Immutable;

namespace RigBootstrap.Age;

/// <summary>
/// A parsed age header: its stanzas, its MAC, and the exact bytes the MAC covers (from the version line up to and
/// including `---`), because the MAC is computed over what was read, not over a re-encoding.
/// </summary>
public sealed record AgeHeader(ImmutableArray<AgeStanza> Stanzas, ImmutableArray<byte> Mac, ImmutableArray<byte> MacedBytes);
