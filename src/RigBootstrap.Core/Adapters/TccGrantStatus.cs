namespace RigBootstrap.Core.Adapters;

/// <summary>What a TCC lookup found for one service and client.</summary>
public enum TccGrantStatus
{
    /// <summary>A row allows it (<c>auth_value = 2</c>).</summary>
    Granted,

    /// <summary>No row, or only a denied, unknown or limited one.</summary>
    NotGranted,

    /// <summary>The service lives in the user's TCC.db, which does not exist until the user's first login.</summary>
    UserDatabaseMissing,
}
