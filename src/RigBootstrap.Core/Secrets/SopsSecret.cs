namespace RigBootstrap.Core.Secrets;

/// <summary>One decrypted value under its env name (`nested__test__file`); <see cref="ToString"/> never shows the value (docs/invariants.md I6).</summary>
public sealed record SopsSecret(string Name, string Value)
{
    public override string ToString() => $"{Name}=****";
}
