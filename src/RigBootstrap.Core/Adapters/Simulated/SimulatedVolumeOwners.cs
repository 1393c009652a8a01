namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// The simulated Mac's volume owners: the names in its `volume-owners` file, one per line. On first use the
/// profile's owners are written there; as on a real Mac, the first account made in Setup Assistant is one.
/// </summary>
public sealed class SimulatedVolumeOwners(SimulatedMac mac, IReadOnlyList<string> initialOwners) : IVolumeOwners
{
    public string FilePath => Path.Join(mac.DirPath, "volume-owners");

    public Task<VolumeOwnership> CheckAsync(string userName, CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            Directory.CreateDirectory(mac.DirPath);
            File.WriteAllLines(FilePath, initialOwners);
        }

        var owners = File.ReadAllLines(FilePath).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return Task.FromResult(owners.Contains(userName, StringComparer.Ordinal)
            ? new VolumeOwnership(true, $"{userName} is a volume owner of / on the simulated Mac")
            : new VolumeOwnership(false, $"the simulated Mac's volume owners are {string.Join(", ", owners)}, not {userName}"));
    }
}
