using System.Collections.Immutable;
using RigBootstrap.Core.Config;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Reads tccd's <c>MDMOverrides.plist</c>: top level keyed by the client's identifier, then the <c>kTCCService…</c>
/// name, then an identity dictionary; <c>kTCCServiceAppleEvents</c> has one more level keyed by the receiver
/// (the layout carlashley/munkicon's pppcp module and Microsoft's mdatp-xplat analyze_profiles.py read).
/// </summary>
public static class MdmOverridesParser
{
    public const string Origin = "MDMOverrides.plist";

    /// <exception cref="FormatException">The root is not a dictionary.</exception>
    public static ImmutableArray<TccPolicyEntry> Parse(PlistValue root)
    {
        if (root is not PlistDictionary clients)
        {
            throw new ToolOutputException("MDMOverrides.plist does not hold a dictionary keyed by client at its top level.");
        }

        var entries = ImmutableArray.CreateBuilder<TccPolicyEntry>();
        foreach (var (_, clientValue) in clients.Entries)
        {
            if (clientValue is not PlistDictionary services)
            {
                continue;
            }

            foreach (var (service, serviceValue) in services.Entries)
            {
                if (service == PppcServices.AppleEvents && serviceValue is PlistDictionary receivers && !receivers.TryGetValue("Identifier", out _))
                {
                    // One identity per receiver; the receiver is its key when the identity lacks AEReceiverIdentifier.
                    foreach (var (receiver, identity) in receivers.Entries)
                    {
                        if (PppcIdentityReader.Read(identity, service, Origin) is { } entry)
                        {
                            entries.Add(entry.Receiver is null ? entry with { Receiver = receiver } : entry);
                        }
                    }
                }
                else if (PppcIdentityReader.Read(serviceValue, service, Origin) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries.ToImmutable();
    }
}
