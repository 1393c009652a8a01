namespace RigBootstrap.Core.Host;

/// <summary>Identifies the current boot: a new value means the host restarted (docs/design.md §3.4 resume logic).</summary>
public interface IBootIdentity
{
    Task<string> GetBootIdAsync(CancellationToken cancellationToken);
}
