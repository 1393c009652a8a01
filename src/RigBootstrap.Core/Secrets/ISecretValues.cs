namespace RigBootstrap.Core.Secrets;

/// <summary>The decrypted secrets by name (`AGENT_PASSWORD`, `nested__test__file`), for the steps that consume them.</summary>
/// <remarks>Values live in memory only; pass them to tools on stdin and add them to <c>CommandSpec.Secrets</c> (docs/invariants.md I6).</remarks>
public interface ISecretValues
{
    /// <summary>The value, or null when the secrets have no such name.</summary>
    Task<string?> FindAsync(string name, CancellationToken cancellationToken);
}
