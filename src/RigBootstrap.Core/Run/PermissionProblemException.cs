namespace RigBootstrap.Core.Run;

/// <summary>Our files are not safe to run as root (docs/invariants.md I7), or we lack the rights we need (exit 77).</summary>
public sealed class PermissionProblemException(string message) : Exception(message);
