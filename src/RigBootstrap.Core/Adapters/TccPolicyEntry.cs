namespace RigBootstrap.Core.Adapters;

/// <summary>
/// One MDM policy entry for a client and a TCC service, as MDMOverrides.plist or an installed PPPC payload holds it.
/// </summary>
/// <param name="Service">The full <c>kTCCService…</c> name.</param>
/// <param name="Client">The <c>Identifier</c>: a bundle id or an absolute path, as <paramref name="IdentifierType"/> says.</param>
/// <param name="IdentifierType"><c>bundleID</c> or <c>path</c>.</param>
/// <param name="Receiver">For Apple Events: the receiving app's identifier (<c>AEReceiverIdentifier</c>).</param>
/// <param name="CodeRequirement">The code requirement tccd checks the client against; null when the entry has none.</param>
/// <param name="Origin">Where the entry came from, for messages (a profile's name, or the file).</param>
public sealed record TccPolicyEntry(
    string Service,
    string Client,
    string IdentifierType,
    string? Receiver,
    TccPolicyAuthorization Authorization,
    string? CodeRequirement,
    string Origin);
