using System.Security.Cryptography;
using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Downloads;

/// <summary>The resumable download against a real HTTP server on 127.0.0.1: Range, If-Range, a server without Range, the hash.</summary>
public sealed class ResumableDownloadTests : IDisposable
{
    private const int Size = 2 * 1024 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempHostRoot _root = new();
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly byte[] _content = Content(Size, seed: 1);

    public void Dispose()
    {
        _client.Dispose();
        _root.Dispose();
    }

    private string FilePath => Path.Join(_root.Paths.RootDirPath, "downloads", "Xcode.xip");

    private ResumableDownload Download() => new(_client, TimeProvider.System);

    [Fact]
    public async Task A_whole_download_is_verified_and_renamed_with_progress_reported()
    {
        await using var server = new RangeServer(_content);
        var reports = new List<DownloadProgress>();

        var outcome = await Download().RunAsync(server.Url, Sha(_content), FilePath, reports.Add, CancellationToken.None);

        outcome.Should().Be(new DownloadOutcome.Verified(FilePath, Size));
        File.ReadAllBytes(FilePath).Should().Equal(_content);
        File.Exists(ResumableDownload.PartialPathOf(FilePath)).Should().BeFalse();
        File.Exists(ResumableDownload.SidecarPathOf(FilePath)).Should().BeFalse();
        reports[^1].Should().BeEquivalentTo(new { BytesDone = (long)Size, BytesTotal = (long?)Size });
    }

    [Fact]
    public async Task A_download_stopped_midway_resumes_with_a_range_request_and_fetches_only_the_rest()
    {
        // Arrange: stop the first run once a third has been served.
        await using var server = new RangeServer(_content, bytesPerSecond: 2 * 1024 * 1024);
        using (var stop = new CancellationTokenSource())
        {
            var first = Download().RunAsync(server.Url, Sha(_content), FilePath, _ => { }, stop.Token);
            await server.WaitForBytesServedAsync(Size / 3, Patience);
            await stop.CancelAsync();
            await FluentActions.Awaiting(() => first).Should().ThrowAsync<OperationCanceledException>();
        }

        var kept = new FileInfo(ResumableDownload.PartialPathOf(FilePath)).Length;
        server.BytesPerSecond = 0;

        // Act
        var outcome = await Download().RunAsync(server.Url, Sha(_content), FilePath, _ => { }, CancellationToken.None);

        // Assert
        outcome.Should().BeOfType<DownloadOutcome.Verified>();
        File.ReadAllBytes(FilePath).Should().Equal(_content);
        kept.Should().BeGreaterThan(0);
        server.Requests[^1].Should().Be($"GET bytes={kept}- 206");
        server.BytesServed.Should().BeLessThan(Size + Size / 2, "only the missing bytes are fetched again");
    }

    [Fact]
    public async Task A_server_that_ignores_Range_starts_over_and_still_completes()
    {
        await using var server = new RangeServer(_content, supportsRange: false);
        await WritePartialAsync(server, Size / 2);

        var outcome = await Download().RunAsync(server.Url, Sha(_content), FilePath, _ => { }, CancellationToken.None);

        outcome.Should().BeOfType<DownloadOutcome.Verified>();
        File.ReadAllBytes(FilePath).Should().Equal(_content);
        server.Requests[^1].Should().Be($"GET bytes={Size / 2}- 200");
    }

    [Fact]
    public async Task A_file_changed_on_the_server_fails_If_Range_and_is_fetched_whole_instead_of_spliced()
    {
        // Arrange: half of the old file on disk, its ETag in the sidecar; the server now has another file.
        var changed = Content(Size, seed: 2);
        await using var server = new RangeServer(_content);
        await WritePartialAsync(server, Size / 2, Sha(changed));
        server.Content = changed;

        var outcome = await Download().RunAsync(server.Url, Sha(changed), FilePath, _ => { }, CancellationToken.None);

        outcome.Should().BeOfType<DownloadOutcome.Verified>();
        File.ReadAllBytes(FilePath).Should().Equal(changed);
        server.Requests[^1].Should().Be($"GET bytes={Size / 2}- 200");
    }

    [Fact]
    public async Task A_wrong_hash_deletes_the_bytes_and_reports_the_hash_it_found()
    {
        await using var server = new RangeServer(_content);
        var pinned = new string('0', 64);

        var outcome = await Download().RunAsync(server.Url, pinned, FilePath, _ => { }, CancellationToken.None);

        outcome.Should().Be(new DownloadOutcome.HashMismatch(Sha(_content), Size));
        File.Exists(FilePath).Should().BeFalse();
        File.Exists(ResumableDownload.PartialPathOf(FilePath)).Should().BeFalse();
    }

    [Fact]
    public async Task A_complete_partial_left_before_the_rename_is_verified_without_fetching_the_body_again()
    {
        await using var server = new RangeServer(_content);
        await WritePartialAsync(server, Size);

        var outcome = await Download().RunAsync(server.Url, Sha(_content), FilePath, _ => { }, CancellationToken.None);

        outcome.Should().BeOfType<DownloadOutcome.Verified>();
        server.BytesServed.Should().Be(0);
        server.Requests.Should().Equal($"GET bytes={Size}- 416");
    }

    [Fact]
    public async Task A_refused_connection_names_the_url_and_that_the_next_try_resumes()
    {
        var act = () => Download().RunAsync(new Uri("http://127.0.0.1:1/Xcode.xip"), Sha(_content), FilePath, _ => { }, CancellationToken.None);

        (await act.Should().ThrowAsync<DownloadException>()).Which.Message.Should().Contain("http://127.0.0.1:1/Xcode.xip").And.Contain("resumes");
    }

    /// <summary>What a run killed after <paramref name="bytes"/> leaves: the partial file and its sidecar, with the server's ETag.</summary>
    private async Task WritePartialAsync(RangeServer server, int bytes, string? pinned = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllBytesAsync(ResumableDownload.PartialPathOf(FilePath), _content[..bytes]);
        await File.WriteAllTextAsync(ResumableDownload.SidecarPathOf(FilePath),
            $$"""{ "url": "{{server.Url.AbsoluteUri}}", "sha256": "{{pinned ?? Sha(server.Content)}}", "validator": {{System.Text.Json.JsonSerializer.Serialize(server.ETag)}}, "totalBytes": {{server.Content.Length}} }""");
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Content(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
