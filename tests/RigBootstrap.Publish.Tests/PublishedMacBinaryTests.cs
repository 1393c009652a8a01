using RigBootstrap.Publish.Tests.TestKit;
using RigBootstrap.Publish.Tests.TestKit.MachO;

namespace RigBootstrap.Publish.Tests;

/// <summary>
/// The osx-arm64 and osx-x64 binaries tests/run.sh publishes: each a thin Mach-O executable of its CPU, ad-hoc
/// signed by the SDK, whose code directory hashes every byte before the signature. An arm64 binary whose pages do
/// not match is killed by the kernel on Apple silicon, so this is checked here, where no Mac can run it.
/// </summary>
public sealed class PublishedMacBinaryTests
{
    private const long MaxBytes = 40L * 1024 * 1024;

    [PublishedBinaryFact(PublishedRuntimes.OsxArm64Variable)]
    public void The_osx_arm64_publish_is_a_signed_arm64_executable_whose_hashes_cover_the_whole_file() =>
        AssertSoundPublish(PublishedRuntimes.BinaryPath(PublishedRuntimes.OsxArm64Variable), "osx-arm64");

    [PublishedBinaryFact(PublishedRuntimes.OsxX64Variable)]
    public void The_osx_x64_publish_is_a_signed_x86_64_executable_whose_hashes_cover_the_whole_file() =>
        AssertSoundPublish(PublishedRuntimes.BinaryPath(PublishedRuntimes.OsxX64Variable), "osx-x64");

    [PublishedBinaryFact(PublishedRuntimes.OsxArm64Variable)]
    public void One_flipped_byte_in_the_published_arm64_binary_is_caught_at_its_page()
    {
        // Arrange: a byte in the middle of the code, well before the signature.
        var bytes = File.ReadAllBytes(PublishedRuntimes.BinaryPath(PublishedRuntimes.OsxArm64Variable));
        var offset = bytes.Length / 2;
        bytes[offset] ^= 0x80;

        // Act
        var report = MachOSignatureChecker.Check(bytes, ExpectedMachO.ForRuntime("osx-arm64"));

        // Assert
        report.Failures.Should().Equal(SignatureFailure.PageHashMismatch);
        report.Problems[0].Message.Should().Contain($"the first page {offset / 4096} ");
    }

    private static void AssertSoundPublish(string binaryPath, string runtimeIdentifier)
    {
        // Act
        var report = MachOSignatureChecker.CheckFile(binaryPath, ExpectedMachO.ForRuntime(runtimeIdentifier));

        // Assert
        report.Problems.Should().BeEmpty($"{binaryPath} must be a sound {runtimeIdentifier} binary: {report.Describe()}");
        var directory = report.CodeDirectory!;
        directory.Identifier.Should().Be("rig-bootstrap");
        directory.IsAdHoc.Should().BeTrue("without a signing identity the SDK's ad-hoc signature stays");
        directory.HashType.Should().Be(CodeSigningFormat.HashTypeSha256);
        directory.CodeLimit.Should().Be(report.SignatureOffset, "the code directory hashes the whole file up to its signature");
        Directory.GetFiles(Path.GetDirectoryName(binaryPath)!).Select(Path.GetFileName).Should().Equal("rig-bootstrap");
        new FileInfo(binaryPath).Length.Should().BeLessThan(MaxBytes);
    }
}
