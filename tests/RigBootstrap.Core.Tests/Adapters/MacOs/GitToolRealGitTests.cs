using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Tests.Steps;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>GitTool with the real git against a local bare repository that each test makes.</summary>
public sealed class GitToolRealGitTests : IDisposable
{
    private readonly LocalGitRepository _origin = new();
    private readonly string _scratchDirPath = Directory.CreateTempSubdirectory("rig-clone-").FullName;
    private readonly GitTool _git = new(new ProcessRunner(TimeProvider.System), LocalGitRepository.Tools);

    public void Dispose()
    {
        _origin.Dispose();
        Directory.Delete(_scratchDirPath, recursive: true);
    }

    [Fact]
    public async Task An_older_commit_is_checked_out_detached_and_head_reports_it()
    {
        var first = _origin.CommitAgent("1.0");
        _origin.CommitAgent("1.1");
        var targetDirPath = Path.Join(_scratchDirPath, "release");

        await _git.CloneAtAsync(_origin.BarePath, first, targetDirPath, CancellationToken.None);

        (await _git.HeadAsync(targetDirPath, CancellationToken.None)).Should().Be(first);
        File.ReadAllText(Path.Join(targetDirPath, "bin", "rig-deploy")).Should().Contain("rig-deploy 1.0");
        (File.GetUnixFileMode(Path.Join(targetDirPath, "bin", "rig-deploy")) & UnixFileMode.UserExecute).Should().NotBe(0);
    }

    [Fact]
    public async Task A_sha_the_repository_does_not_have_is_CommitNotFound()
    {
        _origin.CommitAgent("1.0");

        var act = () => _git.CloneAtAsync(_origin.BarePath, "0123456789abcdef0123456789abcdef01234567", Path.Join(_scratchDirPath, "release"), CancellationToken.None);

        (await act.Should().ThrowAsync<GitException>()).Which.Kind.Should().Be(GitErrorKind.CommitNotFound);
    }

    [Fact]
    public async Task A_repository_that_does_not_exist_is_CloneFailed()
    {
        var act = () => _git.CloneAtAsync(Path.Join(_scratchDirPath, "missing.git"), "0123456789abcdef0123456789abcdef01234567",
            Path.Join(_scratchDirPath, "release"), CancellationToken.None);

        (await act.Should().ThrowAsync<GitException>()).Which.Kind.Should().Be(GitErrorKind.CloneFailed);
    }
}
