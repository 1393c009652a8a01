using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>The parts of TCC.db's <c>access</c> table that rig-bootstrap reads (macOS 11 and later).</summary>
/// <remarks>
/// macOS 14 added four trailing columns (<c>pid</c>, <c>pid_version</c>, <c>boot_uuid</c>, <c>last_reminded</c>);
/// the query reads only columns that macOS 11–13 have too. The user TCC.db exists only after the user's first login.
/// </remarks>
public static class TccSchema
{
    public const string AccessTable = "access";

    public const string Service = "service";

    /// <summary>A bundle id or an absolute path, as <see cref="ClientType"/> says.</summary>
    public const string Client = "client";

    /// <summary>0 = bundle id, 1 = absolute path.</summary>
    public const string ClientType = "client_type";

    /// <summary>See <see cref="TccAuthValue"/>; compared as an integer.</summary>
    public const string AuthValue = "auth_value";

    /// <summary>2 = user consent, 3 = user set, 4 = system set, 6 = MDM policy, among others.</summary>
    public const string AuthReason = "auth_reason";

    /// <summary>The 17 columns of the macOS 14 table, in order (the first 13 are the macOS 11–13 table).</summary>
    public static ImmutableArray<string> AccessColumns { get; } =
    [
        Service, Client, ClientType, AuthValue, AuthReason, "auth_version", "csreq", "policy_id",
        "indirect_object_identifier_type", "indirect_object_identifier", "indirect_object_code_identity", "flags",
        "last_modified", "pid", "pid_version", "boot_uuid", "last_reminded",
    ];
}
