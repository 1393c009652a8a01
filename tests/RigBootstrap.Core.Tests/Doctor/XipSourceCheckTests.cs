using RigBootstrap.Core.Config;
using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

/// <summary>doctor's look at the Xcode archive: HEAD of a URL (against a server on 127.0.0.1), a path's presence, and the space needed.</summary>
public sealed class XipSourceCheckTests : IDisposable
{
    private const string Sha = "0b8c3c6c1d5e0f6f8d87e0bf1e9c4a7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b";
    private readonly TempHostRoot _root = new();

    public void Dispose() => _root.Dispose();

    private XipSourceCheck Check(XipSourceConfig xip, long freeBytes) =>
        new(_root.Paths, xip, () => new HttpClient(), TimeProvider.System, _ => freeBytes);

    [Fact]
    public async Task A_reachable_url_reports_its_size_and_that_it_resumes_and_the_space_for_download_plus_expansion()
    {
        await using var server = new RangeServer(new byte[1_000_000]);

        var findings = await Check(new XipSourceConfig { Url = server.Url.AbsoluteUri, Sha256 = Sha }, freeBytes: 2_000_000).RunAsync(CancellationToken.None);

        findings[0].Severity.Should().Be(FindingSeverity.Ok);
        findings[0].Message.Should().Be($"HEAD {server.Url}: 200, 1.0 MB, resumable (Accept-Ranges: bytes)");
        findings[1].Severity.Should().Be(FindingSeverity.Problem, "1 MB to download plus 2 MB expanded is more than 2 MB free");
        findings[1].Message.Should().Contain("needs about 3.0 MB (the 1.0 MB archive, plus 2 times it for the expanded bundle)");
        findings[1].Fix.Should().Contain("free space");
        server.Requests.Should().Equal("HEAD - 200");
        server.BytesServed.Should().Be(0);
    }

    [Fact]
    public async Task An_unreachable_url_is_a_problem_naming_it()
    {
        var findings = await Check(new XipSourceConfig { Url = "http://127.0.0.1:1/Xcode_16.2.xip", Sha256 = Sha }, freeBytes: long.MaxValue).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Severity = FindingSeverity.Problem });
        findings[0].Message.Should().StartWith("HEAD http://127.0.0.1:1/Xcode_16.2.xip failed");
        findings[0].Fix.Should().Contain("steps.xcode.xip.url");
    }

    [Fact]
    public async Task A_local_archive_needs_room_only_for_its_expansion()
    {
        Directory.CreateDirectory(_root.Paths.Resolve("/Users/Shared"));
        await File.WriteAllBytesAsync(_root.Paths.Resolve("/Users/Shared/Xcode_16.2.xip"), new byte[500_000]);

        var findings = await Check(new XipSourceConfig { Path = "/Users/Shared/Xcode_16.2.xip", Sha256 = Sha }, freeBytes: 1_000_000).RunAsync(CancellationToken.None);

        findings.Select(f => f.Severity).Should().Equal(FindingSeverity.Ok, FindingSeverity.Ok);
        findings[0].Message.Should().Be("steps.xcode.xip.path /Users/Shared/Xcode_16.2.xip is readable (500.0 kB)");
        findings[1].Message.Should().Be("1.0 MB free; the Xcode install needs about 1.0 MB (2 times it for the expanded bundle)");
    }

    [Fact]
    public async Task A_local_archive_not_there_yet_is_a_warning()
    {
        var findings = await Check(new XipSourceConfig { Path = "/Users/Shared/Xcode_16.2.xip", Sha256 = Sha }, freeBytes: 0).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Warning);
        findings[0].Fix.Should().Contain("copy the Xcode .xip there");
    }
}
