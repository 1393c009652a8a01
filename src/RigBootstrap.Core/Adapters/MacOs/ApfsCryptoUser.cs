namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>One entry of `diskutil apfs listUsers /`: its UUID, its type, and `Volume Owner:` (null where the release prints none).</summary>
public sealed record ApfsCryptoUser(string Uuid, string Type, bool? VolumeOwner);
