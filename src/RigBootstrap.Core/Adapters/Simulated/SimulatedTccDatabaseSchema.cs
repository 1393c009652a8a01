namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>The DDL the simulated Mac creates its TCC databases with: the macOS 14 <c>access</c> table.</summary>
/// <remarks>
/// The same table as <c>tests/Fixtures/macos/tcc-db-schema.sql</c> (a test compares them column by column). Real
/// TCC.db files also have <c>admin</c>, <c>policies</c> and <c>active_policy</c>; nothing here reads them.
/// </remarks>
public static class SimulatedTccDatabaseSchema
{
    public const string CreateAccessTable =
        "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, client_type INTEGER NOT NULL, "
        + "auth_value INTEGER NOT NULL, auth_reason INTEGER NOT NULL, auth_version INTEGER NOT NULL, csreq BLOB, "
        + "policy_id INTEGER, indirect_object_identifier_type INTEGER, indirect_object_identifier TEXT NOT NULL DEFAULT 'UNUSED', "
        + "indirect_object_code_identity BLOB, flags INTEGER, "
        + "last_modified INTEGER NOT NULL DEFAULT (CAST(strftime('%s','now') AS INTEGER)), pid INTEGER, pid_version INTEGER, "
        + "boot_uuid TEXT NOT NULL DEFAULT 'UNUSED', last_reminded INTEGER NOT NULL DEFAULT 0, "
        + "PRIMARY KEY (service, client, client_type, indirect_object_identifier), "
        + "FOREIGN KEY (policy_id) REFERENCES policies(id) ON DELETE CASCADE ON UPDATE CASCADE);";
}
