namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>One row of TCC.db's <c>access</c> table, as <see cref="TccQuery"/> selects it.</summary>
public sealed record TccAccessRow(string Service, string Client, int ClientType, int AuthValue, int AuthReason)
{
    /// <summary>Only <c>auth_value = 2</c> allows; 3 (limited) does not count as a grant.</summary>
    public bool IsAllowed => AuthValue == (int)TccAuthValue.Allowed;
}
