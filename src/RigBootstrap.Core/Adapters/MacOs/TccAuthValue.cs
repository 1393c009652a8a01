namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>The <c>auth_value</c> column of TCC.db's <c>access</c> table. Only <see cref="Allowed"/> grants access.</summary>
public enum TccAuthValue
{
    Denied = 0,
    Unknown = 1,
    Allowed = 2,
    Limited = 3,
}
