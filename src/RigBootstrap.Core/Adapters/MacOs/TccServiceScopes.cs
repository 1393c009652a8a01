using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Where macOS keeps each TCC service's grants, so a lookup reads the database tccd consults.</summary>
/// <remarks>
/// System-wide services live in <c>/Library/Application Support/com.apple.TCC/TCC.db</c>; everything else (Apple
/// Events, Camera, Microphone, the Desktop, Documents and Downloads folders, Contacts, Photos, …) in the user's
/// <c>~/Library/Application Support/com.apple.TCC/TCC.db</c>. The system list matches the one the open-source
/// tccutil replacements use to pick the database they write (uinaf/tccutil <c>is_system_service</c>; jacobsalmela
/// tccutil's "global" database). A grant that sits in the other database is not the one tccd honours, so it does
/// not count.
/// </remarks>
public static class TccServiceScopes
{
    /// <summary>Services whose grants live in the system TCC.db.</summary>
    public static ImmutableSortedSet<string> SystemServices { get; } = ImmutableSortedSet.Create(
        StringComparer.Ordinal,
        "kTCCServiceAccessibility",
        "kTCCServiceDeveloperTool",
        "kTCCServiceEndpointSecurityClient",
        "kTCCServiceListenEvent",
        "kTCCServicePostEvent",
        "kTCCServiceScreenCapture",
        "kTCCServiceSystemPolicyAllFiles",
        "kTCCServiceSystemPolicySysAdminFiles");

    public static TccDatabaseScope ScopeOf(string service) =>
        SystemServices.Contains(service) ? TccDatabaseScope.System : TccDatabaseScope.User;
}
