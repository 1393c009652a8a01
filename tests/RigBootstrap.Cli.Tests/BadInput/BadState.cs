using System.Collections.Immutable;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>A way to damage the state of a freshly installed host, and what `run` and `status` must then say.</summary>
public sealed record BadState
{
    public required string Name { get; init; }

    /// <summary>Damages state.json (and perhaps its .prev copy) of a host on which `install` just succeeded.</summary>
    public required Action<TempHost> Damage { get; init; }

    /// <summary>Texts both verbs' stderr must contain, beside the file they name.</summary>
    public required ImmutableArray<string> MessageMentions { get; init; }

    public override string ToString() => Name;
}
