using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.State;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// The demo's MDM: installs a PPPC profile the way a real one lands on a Mac (docs/tcc.md). The profile appears in
/// the installed profiles (what <c>profiles show -output stdout-xml</c> prints) and tccd records its grants in
/// MDMOverrides.plist at its host path; TCC.db gets no row.
/// </summary>
public sealed class SimulatedMdm
{
    public const string ProfileName = "rig-bootstrap PPPC (simulated MDM)";

    // A Developer ID designated requirement, the form PPPC payloads carry for a signed, non-bundled binary.
    private const string CodeRequirementFormat =
        "identifier \"{0}\" and anchor apple generic and certificate 1[field.1.2.840.113635.100.6.2.6] /* exists */ "
        + "and certificate leaf[field.1.2.840.113635.100.6.1.13] /* exists */ and certificate leaf[subject.OU] = \"SIMULATED0\"";

    private readonly SimulatedMac _mac;

    public SimulatedMdm(SimulatedMac mac) => _mac = mac;

    /// <summary>The profiles listing as <c>profiles show -output stdout-xml</c> would print it.</summary>
    public string ProfilesListingPath => Path.Join(_mac.DirPath, "mdm", "profiles-listing.plist");

    /// <summary>The source the tcc step reads in place of plutil on MDMOverrides.plist (the same parser).</summary>
    public ITccPolicySource MdmOverrides => new SimulatedPolicyFile(MdmOverridesParser.Origin, _mac.Paths.MdmOverridesPath, MdmOverridesParser.Parse, absentIsEmpty: false);

    /// <summary>The source the tcc step reads in place of the profiles tool (the same parser).</summary>
    public ITccPolicySource InstalledProfiles => new SimulatedPolicyFile("the installed profiles", ProfilesListingPath, PppcProfilesParser.Parse, absentIsEmpty: true);

    /// <summary>Installs one PPPC profile granting each of <paramref name="grants"/> (Authorization Allow), replacing an earlier one.</summary>
    public Task InstallPppcProfileAsync(ImmutableArray<TccGrantConfig> grants, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(ProfilesListingPath)!);
        DurableFile.WriteAtomically(ProfilesListingPath, PlistWriter.Write(Listing(grants)), (UnixFileMode)0b110_100_100);
        Directory.CreateDirectory(Path.GetDirectoryName(_mac.Paths.MdmOverridesPath)!);
        DurableFile.WriteAtomically(_mac.Paths.MdmOverridesPath, PlistWriter.Write(Overrides(grants)), (UnixFileMode)0b110_100_100);
        return Task.CompletedTask;
    }

    private static PlistDictionary Listing(ImmutableArray<TccGrantConfig> grants)
    {
        var services = grants.GroupBy(g => PppcServices.PayloadKeyOf(g.Service)!)
            .Select(group => Entry(group.Key, new PlistArray([.. group.Select(Identity)])));
        var payload = Dict(
            Entry("PayloadContent", Dict(Entry("Services", new PlistDictionary([.. services])))),
            Entry("PayloadIdentifier", new PlistString("com.rig.simulated-mdm.pppc")),
            Entry("PayloadType", new PlistString(PppcProfilesParser.PayloadType)),
            Entry("PayloadVersion", new PlistInteger(1)));
        var profile = Dict(
            Entry("ProfileDisplayName", new PlistString(ProfileName)),
            Entry("ProfileIdentifier", new PlistString("com.rig.simulated-mdm")),
            Entry("ProfileItems", new PlistArray([payload])),
            Entry("ProfileType", new PlistString("Configuration")));
        return Dict(Entry("_computerlevel", new PlistArray([profile])));
    }

    private static PlistDictionary Overrides(ImmutableArray<TccGrantConfig> grants) =>
        new([.. grants.GroupBy(g => g.Client).Select(client => Entry(client.Key, new PlistDictionary([.. client
            .GroupBy(g => g.Service)
            .Select(service => service.Key == PppcServices.AppleEvents
                ? Entry(service.Key, new PlistDictionary([.. service.Select(g => Entry(g.Receiver!, Identity(g)))]))
                : Entry(service.Key, Identity(service.First())))])))]);

    private static PlistDictionary Identity(TccGrantConfig grant)
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, PlistValue>>();
        entries.Add(Entry("Authorization", new PlistString("Allow")));
        entries.Add(Entry("CodeRequirement", new PlistString(string.Format(System.Globalization.CultureInfo.InvariantCulture, CodeRequirementFormat, Path.GetFileName(grant.Client)))));
        entries.Add(Entry("Identifier", new PlistString(grant.Client)));
        entries.Add(Entry("IdentifierType", new PlistString(grant.Client.StartsWith('/') ? "path" : "bundleID")));
        if (grant.Receiver is { } receiver)
        {
            entries.Add(Entry("AEReceiverIdentifier", new PlistString(receiver)));
            entries.Add(Entry("AEReceiverIdentifierType", new PlistString(receiver.StartsWith('/') ? "path" : "bundleID")));
        }

        return new PlistDictionary(entries.ToImmutable());
    }

    private static PlistDictionary Dict(params KeyValuePair<string, PlistValue>[] entries) => new([.. entries]);

    private static KeyValuePair<string, PlistValue> Entry(string key, PlistValue value) => new(key, value);
}
