namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What `profiles status -type bootstraptoken` says; null where it printed no such line.</summary>
public sealed record BootstrapTokenStatus(bool? SupportedOnServer, bool? EscrowedToServer);
