namespace RigBootstrap.Core.Secrets;

/// <summary>What a plain (unencrypted) scalar resolves to; it decides the bytes the MAC sees (SOPS `ToBytes`).</summary>
public enum SopsScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
}
