using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;
using RigBootstrap.Core.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The xcode step's `.xip` download (docs/adr/0003-xip-download.md) through the published binary under the boot
/// harness, from a loopback mirror that counts the body bytes it serves: a daemon SIGKILLed mid-download resumes with a
/// Range request (well under twice the file served), a mirror that ignores Range still completes, a wrong pin halts
/// after the step's bounded attempts naming the URL and both hashes, and `status` shows the download while it runs.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class XipDownloadTests(PublishedBinary binary, ITestOutputHelper output)
{
    // Slow enough that the body takes seconds; the mirror's pause point, not this pace, decides where the kill lands.
    private const long MirrorBytesPerSecond = 1024 * 1024;
    private const int XcodeMaxAttempts = 3;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task SIGKILLed_a_third_of_the_way_through_the_download_the_restarted_daemon_resumes_with_a_Range_request_and_completes()
    {
        // Arrange
        await using var mirror = new RangeServer(XipMac.Archive.Bytes, supportsRange: true, MirrorBytesPerSecond) { PauseAt = XipMac.FileBytes / 3 };
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        var kill = new MidDownloadKill(host, harness, mirror);
        harness.Operator = kill.ActAsync;
        await XipMac.InstallAsync(host, _cli, mirror.Url, XipMac.Archive.Sha256);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue((await _cli.RunAsync(["status", .. host.HostArguments])).Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "the download resumed after the kill");
        harness.DaemonKills.Should().Be(1);
        harness.Reboots.Should().Be(0, "only the daemon died; launchd's KeepAlive restarted it");
        var partial = kill.PartialBytesAtKill.Should().NotBeNull().And.BeInRange(1, XipMac.FileBytes - 1).And.Subject!.Value;
        mirror.Requests.Should().Equal(["GET - 200", $"GET bytes={partial}- 206"],
            "the restarted daemon asks for the rest, from where its partial file ends, and the mirror serves only that");
        mirror.BodyBytes[0].Should().BeGreaterThanOrEqualTo(XipMac.FileBytes / 3, "the kill came once a third of the file was out");
        mirror.BodyBytes[1].Should().Be(XipMac.FileBytes - partial, "the second answer carries only the rest");
        mirror.BytesServed.Should().BeLessThan(XipMac.FileBytes * 3 / 2, "a resumed download costs well under twice the file");
        ShouldHaveInstalledXcodeOnce(host);
        output.WriteLine($"RELIABILITY scenario=xip-resume-after-kill boots={harness.Boots} reboots={harness.Reboots} kills={harness.DaemonKills} served={mirror.BytesServed} file={XipMac.FileBytes}");
    }

    [Fact]
    public async Task A_mirror_that_ignores_Range_still_completes_after_a_mid_download_SIGKILL_by_starting_over()
    {
        // Arrange
        await using var mirror = new RangeServer(XipMac.Archive.Bytes, supportsRange: false, MirrorBytesPerSecond) { PauseAt = XipMac.FileBytes / 3 };
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        var kill = new MidDownloadKill(host, harness, mirror);
        harness.Operator = kill.ActAsync;
        await XipMac.InstallAsync(host, _cli, mirror.Url, XipMac.Archive.Sha256);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue((await _cli.RunAsync(["status", .. host.HostArguments])).Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "the download started over after the kill");
        harness.DaemonKills.Should().Be(1);
        var partial = kill.PartialBytesAtKill.Should().NotBeNull().And.BeInRange(1, XipMac.FileBytes - 1).And.Subject!.Value;
        mirror.Requests.Should().Equal(["GET - 200", $"GET bytes={partial}- 200"],
            "the daemon asks for the rest, the mirror answers 200 with the whole file, and the daemon takes it from the start");
        mirror.BodyBytes[0].Should().BeGreaterThanOrEqualTo(XipMac.FileBytes / 3, "the kill came once a third of the file was out");
        mirror.BodyBytes[1].Should().Be(XipMac.FileBytes, "the second answer is the whole file");
        mirror.BytesServed.Should().BeInRange(XipMac.FileBytes + 1, 2 * XipMac.FileBytes - 1);
        ShouldHaveInstalledXcodeOnce(host);
        output.WriteLine($"RELIABILITY scenario=xip-no-range-after-kill boots={harness.Boots} reboots={harness.Reboots} kills={harness.DaemonKills} served={mirror.BytesServed} file={XipMac.FileBytes}");
    }

    [Fact]
    public async Task A_wrong_sha256_halts_after_the_bounded_attempts_naming_the_URL_and_both_hashes_and_installs_nothing()
    {
        // Arrange
        await using var mirror = new RangeServer(XipMac.Archive.Bytes);
        var pinned = XipArchive.Of("16.2", "16C5032a", paddingBytes: 1).Sha256;
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        // The step waits 10 minutes, then 20, before its next tries; the test plays the clock while no run is alive.
        harness.Operator = async () =>
        {
            var now = DateTimeOffset.UtcNow;
            if (XipMac.InBackoff(host, now) && await harness.KillDaemonAsync())
            {
                XipMac.FastForwardBackoff(host, now);
            }

            return false;
        };
        await XipMac.InstallAsync(host, _cli, mirror.Url, pinned);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        settled.Should().BeTrue(status.Describe());
        ScenarioOutcome.Read(host).WorkflowState.Should().Be("Halted", status.Describe());
        status.ExitCode.Should().Be(1, "status exits 1 for Halted");
        status.Stdout.Should().Contain(mirror.Url.ToString()).And.Contain(XipMac.Archive.Sha256).And.Contain(pinned)
            .And.Contain("failed 3 times").And.Contain("rig-bootstrap retry xcode")
            .And.NotContain("next attempt", "a halted workflow makes no further attempt by itself");
        output.WriteLine($"status after the halt:\n{status.Stdout}");
        XipMac.XcodeRecord(host)!.Value.GetProperty("attempts").GetInt32().Should().Be(XcodeMaxAttempts);
        mirror.Requests.Should().Equal(Enumerable.Repeat("GET - 200", XcodeMaxAttempts),
            "each mismatch deletes the bytes, so each attempt downloads the whole file again");
        mirror.BytesServed.Should().Be(XcodeMaxAttempts * XipMac.FileBytes);
        host.ToolCalls("xip").Should().BeEmpty("nothing is expanded before its hash matches");
        Directory.Exists(Path.Join(host.RootDirPath, XipMac.AppPath)).Should().BeFalse("no bundle is installed");
        Directory.GetFiles(XipMac.DownloadsDirPath(host)).Should().BeEmpty("a mismatched archive is deleted, with its sidecar");
        output.WriteLine($"RELIABILITY scenario=xip-wrong-hash boots={harness.Boots} reboots={harness.Reboots} kills={harness.DaemonKills} served={mirror.BytesServed} file={XipMac.FileBytes}");
    }

    [Fact]
    public async Task While_the_download_runs_status_shows_bytes_done_of_total_and_after_a_power_cut_the_next_boot_resumes_it()
    {
        // Arrange
        await using var mirror = new RangeServer(XipMac.Archive.Bytes, supportsRange: true, MirrorBytesPerSecond) { PauseAt = XipMac.FileBytes / 2 };
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        CliResult? statusText = null;
        CliResult? statusJson = null;
        long partialAtCut = 0;
        harness.Operator = async () =>
        {
            // The step writes the download's progress at its first check (5 s after the start), never per chunk.
            if (statusText is not null || !mirror.IsPaused || XipMac.XcodeRecord(host) is not { } step || !ShowsProgress(step))
            {
                return false;
            }

            statusText = await _cli.RunAsync(["status", .. host.HostArguments]);
            statusJson = await _cli.RunAsync(["status", "--json", .. host.HostArguments]);
            harness.BeforeNextBoot = () =>
            {
                // The run is dead: what it left on disk is where the next boot must resume.
                partialAtCut = XipMac.PartialBytes(host);
                mirror.BytesPerSecond = 0;
                mirror.Resume();
            };
            return true; // a power cut in the middle of the download
        };
        await XipMac.InstallAsync(host, _cli, mirror.Url, XipMac.Archive.Sha256);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue((await _cli.RunAsync(["status", .. host.HostArguments])).Describe());
        statusJson.Should().NotBeNull("the progress reached the state file while the download ran");
        using var json = JsonDocument.Parse(statusJson!.Stdout);
        var progress = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "xcode").GetProperty("progress");
        var done = progress.GetProperty("bytesDone").GetInt64();
        progress.GetProperty("bytesTotal").GetInt64().Should().Be(XipMac.FileBytes);
        done.Should().BeInRange(1, XipMac.FileBytes / 2, "the mirror held the body at half the file");
        progress.GetProperty("bytesPerSecond").GetInt64().Should().BePositive();
        var row = statusText!.Stdout.Split('\n').Should().ContainSingle(l => l.TrimStart().StartsWith("xcode ", StringComparison.Ordinal)).Subject;
        row.Should().Contain("Waiting").And.Contain($"downloading Xcode 16.2 from {mirror.Url}")
            .And.Contain($" of 4.2 MB ({done * 100 / XipMac.FileBytes}%)").And.Contain("/s, ETA ");
        output.WriteLine($"status while the download ran: {row.Trim()}");
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "the next boot resumed the download");
        harness.Reboots.Should().Be(1);
        partialAtCut.Should().BePositive();
        mirror.Requests.Should().Equal(["GET - 200", $"GET bytes={partialAtCut}- 206"], "the new boot checks the waiting step at once and resumes");
        mirror.BytesServed.Should().BeLessThan(XipMac.FileBytes * 3 / 2);
        ShouldHaveInstalledXcodeOnce(host);
        output.WriteLine($"RELIABILITY scenario=xip-status-then-power-cut boots={harness.Boots} reboots={harness.Reboots} kills={harness.DaemonKills} served={mirror.BytesServed} file={XipMac.FileBytes}");
    }

    private static bool ShowsProgress(JsonElement step) =>
        step.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object
        && progress.GetProperty("bytesTotal") is { ValueKind: JsonValueKind.Number } total && total.GetInt64() == XipMac.FileBytes
        && progress.GetProperty("bytesDone").GetInt64() > 0;

    /// <summary>One expand of the verified archive, the bundle selected, and the archive deleted once installed.</summary>
    private static void ShouldHaveInstalledXcodeOnce(TempHost host)
    {
        host.ToolCalls("xip").Should().ContainSingle().Which.Should().StartWith("--expand ");
        host.ToolCalls("xcode-select").Where(c => c != "-p").Should().Equal($"-s {XipMac.AppPath}");
        File.ReadAllText(Path.Join(host.RootDirPath, XipMac.AppPath, "Contents", "Developer", "xcodebuild.version"))
            .Should().Be("Xcode 16.2\nBuild version 16C5032a\n");
        Directory.GetFiles(XipMac.DownloadsDirPath(host)).Should().BeEmpty("the archive and its partial are gone once the bundle is in place");
    }
}
