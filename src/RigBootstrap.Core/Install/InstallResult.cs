namespace RigBootstrap.Core.Install;

/// <summary>What `install` did, as the one line it prints.</summary>
public sealed record InstallResult(bool Changed, string Message);
