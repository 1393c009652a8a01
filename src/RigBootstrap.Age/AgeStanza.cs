using System.Collections.Immutable;

namespace RigBootstrap.Age;

/// <summary>One recipient stanza of an age header: `-> TYPE ARG…` and its body (age-encryption.org/v1, "Header").</summary>
public sealed record AgeStanza(string Type, ImmutableArray<string> Arguments, ImmutableArray<byte> Body);
