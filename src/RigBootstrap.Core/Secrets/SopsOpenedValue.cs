namespace RigBootstrap.Core.Secrets;

/// <summary>A value as the MAC sees it (SOPS `ToBytes`) and as the env file shows it.</summary>
internal readonly record struct SopsOpenedValue(byte[] MacBytes, string Text)
{
    public override string ToString() => "SopsOpenedValue(****)";
}
