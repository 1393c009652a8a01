using System.Collections.Immutable;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>One fixture: the SOPS file, its key, and the expected env values in order (null: checked elsewhere).</summary>
public sealed record SopsFixture(string File, string Key, ImmutableArray<(string Name, string? Value)> Expected)
{
    public override string ToString() => File;
}
