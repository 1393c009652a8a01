namespace RigBootstrap.Core.Steps;

/// <summary>What one source said about one grant.</summary>
public enum TccFindingKind
{
    Granted,
    Denied,
    NotGranted,
    Unreadable,
}
