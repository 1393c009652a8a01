namespace RigBootstrap.Core.Host;

/// <summary>Asks the host to restart. The engine persists its intent before calling it.</summary>
public interface IPower
{
    Task RebootAsync(string reason, CancellationToken cancellationToken);
}
