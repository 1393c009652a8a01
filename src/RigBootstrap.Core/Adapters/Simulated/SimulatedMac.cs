using System.Globalization;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>Where the simulated Mac keeps its own state under the host root: boot id, launchd registry, reboot requests.</summary>
public sealed class SimulatedMac
{
    public SimulatedMac(HostPaths paths) => Paths = paths;

    public HostPaths Paths { get; }

    public string DirPath => Paths.SimulatorDirPath;

    public string BootIdPath => Path.Join(DirPath, "boot-id");

    public string RebootRequestPath => Path.Join(DirPath, "reboot-requested");

    public string LoadedJobsDirPath => Path.Join(DirPath, "launchd", "loaded");

    public string DisabledJobsDirPath => Path.Join(DirPath, "launchd", "disabled");

    public int BootNumber => int.Parse(ReadBootId()["sim-boot-".Length..], CultureInfo.InvariantCulture);

    /// <summary>The current boot id; the first read powers the simulated Mac on.</summary>
    public string ReadBootId()
    {
        if (!File.Exists(BootIdPath))
        {
            Directory.CreateDirectory(DirPath);
            File.WriteAllText(BootIdPath, "sim-boot-1");
        }

        return File.ReadAllText(BootIdPath).Trim();
    }

    public bool RebootRequested => File.Exists(RebootRequestPath);

    internal void WriteBootId(int bootNumber) =>
        File.WriteAllText(BootIdPath, "sim-boot-" + bootNumber.ToString(CultureInfo.InvariantCulture));
}
