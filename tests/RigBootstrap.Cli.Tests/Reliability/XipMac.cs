using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// A simulated Mac whose config asks for the xcode step alone, its `.xip` on a loopback mirror
/// (steps.xcode.xip.url: plain http is accepted only to a loopback host, docs/adr/0003-xip-download.md). The archive
/// is in the fake xip's format (FakeTools/xip), padded to 4 MiB so that a download takes hundreds of the mirror's chunks.
/// </summary>
public static class XipMac
{
    public const string AppPath = "/Applications/Xcode-16.2.0.app";

    public static readonly XipArchive Archive = XipArchive.Of("16.2", "16C5032a", paddingBytes: 4 * 1024 * 1024);

    public static long FileBytes => Archive.Bytes.Length;

    /// <summary>Writes the config, links the real git the fake Xcode carries, and runs `install`.</summary>
    public static async Task InstallAsync(TempHost host, RigBootstrapCli cli, Uri url, string sha256)
    {
        host.LinkRealTools();
        var config = host.WriteFile("config.json", $$"""
            {
              "agent": { "user": "rig", "home": "/Users/rig" },
              "steps": {
                "xcode": { "version": "16.2", "xip": { "url": "{{url}}", "sha256": "{{sha256}}" } }
              }
            }
            """);
        var install = await cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }

    /// <summary>Where the product keeps the archive while it downloads (`downloads/` under the state directory).</summary>
    public static string DownloadsDirPath(TempHost host) => Path.Join(host.StateDirPath, "downloads");

    /// <summary>The bytes of the partial download on disk now, 0 when there is none.</summary>
    public static long PartialBytes(TempHost host) =>
        Directory.Exists(DownloadsDirPath(host))
            ? Directory.GetFiles(DownloadsDirPath(host), "*.xip.partial").Sum(f => new FileInfo(f).Length)
            : 0;

    /// <summary>The xcode step's record in the state file, or null before the first run wrote it.</summary>
    public static JsonElement? XcodeRecord(TempHost host)
    {
        if (!File.Exists(host.StatePath))
        {
            return null;
        }

        // The product replaces the state file by rename, so a read never sees half of it.
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        return state.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("id").GetString() == "xcode")
            .Select(s => (JsonElement?)s.Clone())
            .FirstOrDefault();
    }

    /// <summary>True when the xcode step failed and sleeps out its back-off (10 minutes, then 20) before the next try.</summary>
    public static bool InBackoff(TempHost host, DateTimeOffset now) =>
        XcodeRecord(host) is { } step && step.GetProperty("state").GetString() == "Failed"
        && step.GetProperty("nextCheck") is { ValueKind: JsonValueKind.String } next
        && DateTimeOffset.Parse(next.GetString()!, CultureInfo.InvariantCulture) > now;

    /// <summary>
    /// Stands in for the clock while no run is alive: the failed step's next try is due now, as if its back-off had
    /// passed. Written as the product writes the file (a new file renamed over the old one).
    /// </summary>
    public static void FastForwardBackoff(TempHost host, DateTimeOffset now)
    {
        var state = JsonNode.Parse(File.ReadAllText(host.StatePath))!;
        var step = state["steps"]!.AsArray().Single(s => (string?)s!["id"] == "xcode")!;
        step["nextCheck"] = now.ToString("O", CultureInfo.InvariantCulture);
        File.WriteAllText(host.StatePath + ".fast-forward", state.ToJsonString());
        File.Move(host.StatePath + ".fast-forward", host.StatePath, overwrite: true);
    }
}
