using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Steps;

/// <summary>What an MDM source (MDMOverrides.plist, the installed profiles) says about one configured grant.</summary>
public static class TccPolicyMatch
{
    public static TccSourceFinding Evaluate(TccGrantConfig grant, string source, TccSourceReading reading) => reading switch
    {
        TccSourceReading.Unreadable unreadable => new(source, TccFindingKind.Unreadable, $"could not read it: {unreadable.Problem}"),
        TccSourceReading.Absent absent => new(source, TccFindingKind.NotGranted, absent.Why),
        TccSourceReading.Read read => Judge(grant, source, [.. read.Entries.Where(e => Matches(e, grant))]),
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "an unknown kind of TCC source reading"),
    };

    /// <summary>Same service and client, an identifier type that fits the client, and for Apple Events the same receiver.</summary>
    public static bool Matches(TccPolicyEntry entry, TccGrantConfig grant) =>
        entry.Service == grant.Service
        && entry.Client == grant.Client
        && (entry.IdentifierType.Length == 0 || entry.IdentifierType == (grant.Client.StartsWith('/') ? "path" : "bundleID"))
        && (grant.Service != PppcServices.AppleEvents || entry.Receiver == grant.Receiver);

    // "In the case of conflicting specifications, the most restrictive setting (deny) is used" (Apple's schema).
    private static TccSourceFinding Judge(TccGrantConfig grant, string source, IReadOnlyList<TccPolicyEntry> entries)
    {
        if (entries.FirstOrDefault(e => e.Authorization == TccPolicyAuthorization.Deny) is { } deny)
        {
            return new(source, TccFindingKind.Denied, $"{deny.Origin} denies {grant.Describe()}; the MDM must change that PPPC entry to Allow");
        }

        if (entries.FirstOrDefault(e => e.Authorization == TccPolicyAuthorization.Allow) is { } allow)
        {
            var requirement = allow.CodeRequirement is null ? "" : $", code requirement \"{allow.CodeRequirement}\"";
            return new(source, TccFindingKind.Granted, $"granted by {allow.Origin}{requirement}");
        }

        return entries.Count > 0
            ? new(source, TccFindingKind.NotGranted, $"{entries[0].Origin} only lets a standard user switch {grant.Service} on (AllowStandardUserToSetSystemService)")
            : new(source, TccFindingKind.NotGranted, $"read, no PPPC entry for {grant.Describe()}");
    }
}
