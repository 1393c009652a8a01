using System.Collections.Immutable;

namespace RigBootstrap.Core.Secrets;

/// <summary>One scalar of a SOPS document, in document order: an `ENC[…]` string or a plain value.</summary>
public sealed record SopsLeaf
{
    /// <summary>The mapping keys down to the value (list items add nothing): the additional data and the encryption rules use it.</summary>
    public required ImmutableArray<string> KeyPath { get; init; }

    /// <summary>The keys and list indices down to the value: the env name is built from it (`a_list__0`).</summary>
    public required ImmutableArray<string> NamePath { get; init; }

    public required SopsScalarKind Kind { get; init; }

    /// <summary>The value as text: canonical decimal for numbers, `true`/`false` for booleans.</summary>
    public required string Text { get; init; }

    /// <summary>The SOPS additional data: the key path joined with `:`, plus a trailing `:`.</summary>
    public string AdditionalData => string.Concat(KeyPath.Select(key => key + ":"));

    public override string ToString() => $"{AdditionalData} ({Kind})";
}
