using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class QuarantineCheckTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly ToolsDir _tools = new();

    public QuarantineCheckTests()
    {
        _tools.Add("xattr");
        Directory.CreateDirectory(_root.Paths.InstalledBinaryDirPath);
        File.WriteAllText(_root.Paths.InstalledBinaryPath, "a binary");
    }

    [Fact]
    public async Task No_quarantine_attribute_is_ok()
    {
        // Arrange: xattr's own wording for an absent attribute.
        var runner = new FakeProcessRunner().Then(1, stderr: MacOsFixtures.ReadText("xattr-d-no-such-xattr.stderr.txt"));

        // Act
        var finding = await CheckAsync(runner);

        // Assert
        finding.Should().BeEquivalentTo(new { Severity = FindingSeverity.Ok, Message = "no com.apple.quarantine attribute on the installed binary" });
        runner.Specs.Should().ContainSingle().Which.Arguments.Should().Equal("-p", "com.apple.quarantine", _root.Paths.InstalledBinaryPath);
    }

    [Fact]
    public async Task A_quarantined_binary_is_a_problem_with_the_xattr_command_that_clears_it()
    {
        var finding = await CheckAsync(new FakeProcessRunner().Then(0, "0083;5991b778;Safari.app;BC4DFC58-0D26-460D-9688-81D119298642\n"));

        finding.Severity.Should().Be(FindingSeverity.Problem);
        finding.Message.Should().Contain("carries com.apple.quarantine (0083;5991b778;Safari.app;");
        finding.Fix.Should().StartWith($"`sudo xattr -d com.apple.quarantine {_root.Paths.InstalledBinaryPath}`");
    }

    [Fact]
    public async Task Another_failure_is_a_warning_to_look_by_hand()
    {
        var finding = await CheckAsync(new FakeProcessRunner().Then(1, stderr: $"xattr: [Errno 13] Permission denied: '{_root.Paths.InstalledBinaryPath}'\n"));

        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Fix.Should().Be($"run `xattr -l {_root.Paths.InstalledBinaryPath}` by hand and remove com.apple.quarantine if it is there");
    }

    [Fact]
    public async Task Before_install_there_is_nothing_to_look_at()
    {
        File.Delete(_root.Paths.InstalledBinaryPath);
        var runner = new FakeProcessRunner();

        var finding = await CheckAsync(runner);

        finding.Severity.Should().Be(FindingSeverity.Ok);
        runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_xattr_the_check_is_skipped_with_a_note()
    {
        File.Delete(Path.Join(_tools.DirPath, "xattr"));

        var finding = await CheckAsync(new FakeProcessRunner());

        finding.Message.Should().StartWith("skipped: there is no xattr at");
    }

    [Fact]
    public void Every_xattr_fixture_is_used_here()
    {
        MacOsFixtures.NamesStartingWith("xattr-").Should().Equal("xattr-d-no-such-xattr.stderr.txt");
    }

    public void Dispose()
    {
        _tools.Dispose();
        _root.Dispose();
    }

    private async Task<DoctorFinding> CheckAsync(FakeProcessRunner runner)
    {
        var findings = await new QuarantineCheck(_tools.Table, runner, _root.Paths).RunAsync(CancellationToken.None);
        return findings.Should().ContainSingle().Subject;
    }
}
