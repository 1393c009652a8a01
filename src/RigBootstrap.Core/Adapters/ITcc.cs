namespace RigBootstrap.Core.Adapters;

/// <summary>Read-only TCC lookups: whether a client holds a privacy grant. Nothing here can write TCC.db (SIP forbids it).</summary>
public interface ITcc
{
    /// <summary>
    /// Looks the grant up in the database where macOS keeps <paramref name="service"/>: the system TCC.db for
    /// system-wide services such as Accessibility, <paramref name="userName"/>'s own TCC.db for the rest.
    /// </summary>
    /// <exception cref="TccException">The database cannot be read (no Full Disk Access, no sqlite3, not a TCC.db).</exception>
    Task<TccGrantStatus> HasGrantAsync(string service, string client, string userName, CancellationToken cancellationToken);
}
