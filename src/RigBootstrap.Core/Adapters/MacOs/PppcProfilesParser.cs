using System.Collections.Immutable;
using RigBootstrap.Core.Config;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Reads the PPPC payloads out of <c>profiles show -output stdout-xml</c>: <c>_computerlevel</c> is an array of
/// profiles, each with <c>ProfileItems</c> whose <c>PayloadType</c> and <c>PayloadContent</c> are the payload's
/// (fleetdm/fleet orbit/pkg/profiles reads the same shape; Microsoft's analyze_profiles.py reads
/// <c>PayloadContent.Services</c> of com.apple.TCC.configuration-profile-policy items). PPPC is a device-channel
/// payload only (Apple's schema: userchannel false), so user-level profiles are not read.
/// </summary>
public static class PppcProfilesParser
{
    public const string PayloadType = "com.apple.TCC.configuration-profile-policy";

    private const string ComputerLevel = "_computerlevel";

    /// <exception cref="FormatException">The root is not a dictionary.</exception>
    public static ImmutableArray<TccPolicyEntry> Parse(PlistValue root)
    {
        if (root is not PlistDictionary levels)
        {
            throw new ToolOutputException("the profiles listing does not hold a dictionary keyed by level (such as _computerlevel) at its top level.");
        }

        var entries = ImmutableArray.CreateBuilder<TccPolicyEntry>();
        if (!levels.TryGetValue(ComputerLevel, out var level) || level is not PlistArray profiles)
        {
            return [];
        }

        foreach (var profile in profiles.Items.OfType<PlistDictionary>())
        {
            var name = PppcIdentityReader.Text(profile, "ProfileDisplayName") ?? PppcIdentityReader.Text(profile, "ProfileIdentifier") ?? "an unnamed profile";
            if (!profile.TryGetValue("ProfileItems", out var items) || items is not PlistArray payloads)
            {
                continue;
            }

            foreach (var payload in payloads.Items.OfType<PlistDictionary>())
            {
                if (PppcIdentityReader.Text(payload, "PayloadType") == PayloadType
                    && payload.TryGetValue("PayloadContent", out var content) && content is PlistDictionary body
                    && body.TryGetValue("Services", out var services) && services is PlistDictionary byKey)
                {
                    AddServices(entries, byKey, $"profile \"{name}\"");
                }
            }
        }

        return entries.ToImmutable();
    }

    private static void AddServices(ImmutableArray<TccPolicyEntry>.Builder entries, PlistDictionary services, string origin)
    {
        foreach (var (key, identities) in services.Entries)
        {
            if (identities is not PlistArray list)
            {
                continue;
            }

            foreach (var identity in list.Items)
            {
                if (PppcIdentityReader.Read(identity, PppcServices.ServicePrefix + key, origin) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }
    }
}
