using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Reads one PPPC identity dictionary (<c>Identifier</c>, <c>IdentifierType</c>, <c>CodeRequirement</c>, <c>Allowed</c>
/// or <c>Authorization</c>, <c>AEReceiverIdentifier</c>), the shape both a PPPC payload and MDMOverrides.plist use.
/// </summary>
internal static class PppcIdentityReader
{
    /// <summary>The entry, or null when the dictionary lacks an identifier or a decision (tccd ignores such an entry).</summary>
    public static TccPolicyEntry? Read(PlistValue value, string service, string origin)
    {
        if (value is not PlistDictionary identity || Text(identity, "Identifier") is not { } identifier)
        {
            return null;
        }

        var authorization = Authorization(identity);
        return authorization is null
            ? null
            : new TccPolicyEntry(
                service,
                identifier,
                Text(identity, "IdentifierType") ?? "",
                Text(identity, "AEReceiverIdentifier"),
                authorization.Value,
                Text(identity, "CodeRequirement"),
                origin);
    }

    // "Every payload needs to include either Authorization or Allowed, but not both" (Apple's schema); when both
    // are there anyway, the stricter one wins, as "the most restrictive setting (deny) is used".
    private static TccPolicyAuthorization? Authorization(PlistDictionary identity)
    {
        TccPolicyAuthorization? fromString = Text(identity, "Authorization") switch
        {
            "Allow" => TccPolicyAuthorization.Allow,
            "Deny" => TccPolicyAuthorization.Deny,
            "AllowStandardUserToSetSystemService" => TccPolicyAuthorization.AllowStandardUserToSetSystemService,
            _ => null,
        };
        TccPolicyAuthorization? fromBool = identity.TryGetValue("Allowed", out var allowed) && allowed is PlistBoolean flag
            ? flag.Value ? TccPolicyAuthorization.Allow : TccPolicyAuthorization.Deny
            : identity.TryGetValue("Allowed", out allowed) && allowed is PlistInteger number
                ? number.Value != 0 ? TccPolicyAuthorization.Allow : TccPolicyAuthorization.Deny
                : null;
        return fromString == TccPolicyAuthorization.Deny || fromBool == TccPolicyAuthorization.Deny
            ? TccPolicyAuthorization.Deny
            : fromString ?? fromBool;
    }

    public static string? Text(PlistDictionary dictionary, string key) =>
        dictionary.TryGetValue(key, out var value) && value is PlistString text && text.Value.Length > 0 ? text.Value : null;
}
