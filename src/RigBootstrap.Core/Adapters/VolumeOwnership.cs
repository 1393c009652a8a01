namespace RigBootstrap.Core.Adapters;

/// <summary>Whether a user is a volume owner of `/`, and what showed it, in words an operator can check by hand.</summary>
public sealed record VolumeOwnership(bool IsOwner, string Evidence);
