using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class CodeSignatureCheckTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly ToolsDir _tools = new();

    public CodeSignatureCheckTests()
    {
        _tools.Add("codesign");
        Directory.CreateDirectory(_root.Paths.InstalledBinaryDirPath);
        File.WriteAllText(_root.Paths.InstalledBinaryPath, "a signed binary");
    }

    [Fact]
    public async Task A_valid_Developer_ID_signature_is_ok_and_names_the_signer()
    {
        // Arrange
        var runner = new FakeProcessRunner()
            .Then(0)
            .Then(0, stderr: "Authority=Developer ID Application: Example Corp (ABCDE12345)\nTeamIdentifier=ABCDE12345\n");

        // Act
        var finding = await CheckAsync(runner);

        // Assert
        finding.Severity.Should().Be(FindingSeverity.Ok);
        finding.Message.Should().Contain("signed by Developer ID Application: Example Corp (ABCDE12345), team ABCDE12345");
        runner.Specs.Select(s => string.Join(' ', s.Arguments)).Should().Equal(
            $"--verify --strict {_root.Paths.InstalledBinaryPath}",
            $"--display --verbose=2 {_root.Paths.InstalledBinaryPath}");
    }

    [Fact]
    public async Task A_valid_ad_hoc_signature_is_a_warning_that_names_its_cdhash_and_the_Developer_ID_fix()
    {
        var runner = new FakeProcessRunner().Then(0).Then(0, stderr: MacOsFixtures.ReadText("codesign-display-verbose4-adhoc-linker-signed.txt"));

        var finding = await CheckAsync(runner);

        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Message.Should().Contain("ad-hoc").And.Contain("9ac8f2b102c6f2b8dafc777574099063f0e209f9");
        finding.Fix.Should().Contain("publish.ps1 -SigningIdentity").And.Contain("docs/signing.md");
    }

    [Fact]
    public async Task A_modified_binary_is_a_problem_quoting_codesign_and_naming_the_fix()
    {
        var runner = new FakeProcessRunner().Then(1, stderr: MacOsFixtures.ReadText("codesign-verify-strict-invalid-signature.stderr.txt"));

        var finding = await CheckAsync(runner);

        finding.Severity.Should().Be(FindingSeverity.Problem);
        finding.Message.Should().Contain("invalid signature (code or signature have been modified) In architecture: x86_64");
        finding.Fix.Should().StartWith($"replace {_root.Paths.InstalledBinaryPath} with an intact copy of a signed release");
        runner.Specs.Should().ContainSingle("a rejected signature is not displayed");
    }

    [Fact]
    public async Task An_unsigned_binary_is_a_problem()
    {
        var runner = new FakeProcessRunner().Then(1, stderr: MacOsFixtures.ReadText("codesign-display-not-signed.stderr.txt"));

        var finding = await CheckAsync(runner);

        finding.Severity.Should().Be(FindingSeverity.Problem);
        finding.Message.Should().Contain("code object is not signed at all");
    }

    [Fact]
    public async Task Bad_arguments_are_a_warning_to_verify_by_hand()
    {
        var finding = await CheckAsync(new FakeProcessRunner().Then(2, stderr: "codesign: unrecognized option\n"));

        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Fix.Should().Be($"run `codesign --verify --strict --verbose=2 {_root.Paths.InstalledBinaryPath}` by hand");
    }

    [Fact]
    public async Task Before_install_there_is_nothing_to_verify()
    {
        File.Delete(_root.Paths.InstalledBinaryPath);
        var runner = new FakeProcessRunner();

        var finding = await CheckAsync(runner);

        finding.Should().BeEquivalentTo(new { Severity = FindingSeverity.Ok, Message = $"nothing installed yet at {_root.Paths.InstalledBinaryPath}" });
        runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_codesign_the_check_is_skipped_with_a_note()
    {
        File.Delete(Path.Join(_tools.DirPath, "codesign"));

        var finding = await CheckAsync(new FakeProcessRunner());

        finding.Severity.Should().Be(FindingSeverity.Ok);
        finding.Message.Should().StartWith("skipped: there is no codesign at");
    }

    [Fact]
    public void Every_codesign_fixture_is_used_here_or_by_the_display_parser()
    {
        MacOsFixtures.NamesStartingWith("codesign-").Should().Equal(
            "codesign-display-not-signed.stderr.txt",
            "codesign-display-verbose2-apple-signed.txt",
            "codesign-display-verbose4-adhoc-linker-signed.txt",
            "codesign-verify-strict-invalid-signature.stderr.txt");
    }

    public void Dispose()
    {
        _tools.Dispose();
        _root.Dispose();
    }

    private async Task<DoctorFinding> CheckAsync(FakeProcessRunner runner)
    {
        var findings = await new CodeSignatureCheck(_tools.Table, runner, _root.Paths).RunAsync(CancellationToken.None);
        return findings.Should().ContainSingle().Subject;
    }
}
