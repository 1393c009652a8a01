namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Which TCC.db holds a service's grants: the system-wide one or the user's own.</summary>
public enum TccDatabaseScope
{
    System,
    User,
}
