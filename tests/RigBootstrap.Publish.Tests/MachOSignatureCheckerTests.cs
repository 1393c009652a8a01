using System.Buffers.Binary;
using RigBootstrap.Publish.Tests.TestKit.MachO;

namespace RigBootstrap.Publish.Tests;

/// <summary>The checker against small Mach-Os it must accept, and the same ones damaged in each way it must name.</summary>
public sealed class MachOSignatureCheckerTests
{
    private static readonly ExpectedMachO Arm64AdHoc = ExpectedMachO.ForRuntime("osx-arm64");

    [Fact]
    public void A_sound_ad_hoc_signed_arm64_executable_passes_and_its_signature_is_read()
    {
        // Arrange
        var machO = SyntheticMachOBuilder.Build();

        // Act
        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc);

        // Assert
        report.Problems.Should().BeEmpty(report.Describe());
        report.SignatureOffset.Should().Be(machO.SignatureOffset);
        report.CodeDirectory.Should().BeEquivalentTo(new
        {
            Identifier = "rig-bootstrap",
            IsAdHoc = true,
            HashType = CodeSigningFormat.HashTypeSha256,
            CodeLimit = (long)machO.SignatureOffset,
            CodeSlotCount = 4u,
            SpecialSlotCount = 2u,
        });
        report.CodeDirectory!.CdHash.Should().MatchRegex("^[0-9a-f]{40}$");
    }

    [Theory]
    [InlineData(2 * 4096 + 10, 2)]
    [InlineData(3 * 4096 + 999, 3)] // the partial last page
    [InlineData(100, 0)] // inside the load commands' page
    public void A_flipped_byte_is_a_page_hash_mismatch_naming_its_page(int offset, int page)
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(machO.With(b => b[offset] ^= 0x01), Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.PageHashMismatch);
        report.Problems[0].Message.Should().Contain($"1 of 4 page(s)").And.Contain($"the first page {page} ");
    }

    [Fact]
    public void A_truncated_file_has_its_signature_outside_the_file()
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(machO.Bytes[..^100], Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.SignatureOutsideFile);
        report.Problems[0].Message.Should().Contain("truncated");
    }

    [Fact]
    public void An_x86_64_binary_checked_as_arm64_is_the_wrong_cpu_type()
    {
        var machO = SyntheticMachOBuilder.Build(cpuType: MachOFormat.CpuTypeX86_64);

        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.WrongCpuType);
        report.Problems[0].Message.Should().Be("cputype is x86_64 (0x01000007), expected arm64 (0x0100000C)");
    }

    [Fact]
    public void An_unsigned_binary_has_no_code_signature()
    {
        var machO = SyntheticMachOBuilder.Build(signed: false);

        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.NoCodeSignature);
        report.Problems[0].Message.Should().Contain("kills an unsigned arm64 executable");
    }

    [Fact]
    public void A_binary_whose_LC_CODE_SIGNATURE_became_another_command_has_no_code_signature()
    {
        var machO = SyntheticMachOBuilder.Build();

        // LC_FUNCTION_STARTS (0x26) is also a 16-byte linkedit_data_command.
        var report = MachOSignatureChecker.Check(
            machO.With(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(SyntheticMachO.CodeSignatureCommandOffset), 0x26)), Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.NoCodeSignature);
    }

    [Fact]
    public void A_code_limit_short_of_the_signature_is_named()
    {
        var machO = SyntheticMachOBuilder.Build(codeLimitShortBy: 16);

        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.CodeLimitShort);
        report.Problems[0].Message.Should().Contain("stops 16 byte(s) short of the signature");
    }

    [Fact]
    public void A_code_limit_cut_by_a_page_in_place_is_short_leaves_a_slot_too_many_and_a_last_page_that_no_longer_matches()
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(
            machO.With(b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(machO.CodeLimitOffset), (uint)(machO.SignatureOffset - 4096))), Arm64AdHoc);

        // Page 2 was hashed whole; under the cut limit it is a partial last page.
        report.Failures.Should().Equal(SignatureFailure.CodeLimitShort, SignatureFailure.CodeSlotCountWrong, SignatureFailure.PageHashMismatch);
        report.Problems[2].Message.Should().Contain("the first page 2 ");
    }

    [Fact]
    public void A_changed_requirements_blob_no_longer_matches_its_special_slot()
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(machO.With(b => b[machO.RequirementsOffset + 11] = 1), Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.SpecialSlotMismatch);
        report.Problems[0].Message.Should().Contain("special slot 2 (requirements)");
    }

    [Fact]
    public void Bytes_appended_after_the_signature_are_covered_by_no_hash()
    {
        var machO = SyntheticMachOBuilder.Build();

        byte[] appended = [.. machO.Bytes, .. new byte[16]];

        var report = MachOSignatureChecker.Check(appended, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.TrailingBytes);
    }

    [Fact]
    public void A_universal_binary_is_refused_as_fat()
    {
        var report = MachOSignatureChecker.Check(new byte[] { 0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2 }, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.FatBinary);
    }

    [Fact]
    public void An_ELF_file_is_not_a_64_bit_Mach_O()
    {
        var report = MachOSignatureChecker.Check(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 }, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.NotMachO64);
    }

    [Fact]
    public void A_file_shorter_than_the_header_is_too_short()
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(machO.Bytes[..20], Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.TooShort);
    }

    [Fact]
    public void A_dylib_is_not_an_executable_and_its_changed_header_page_no_longer_matches()
    {
        var machO = SyntheticMachOBuilder.Build();

        // MH_DYLIB is 6.
        var report = MachOSignatureChecker.Check(machO.With(b => b[12] = 6), Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.NotExecutable, SignatureFailure.PageHashMismatch);
    }

    [Fact]
    public void A_signature_without_the_SuperBlob_magic_is_malformed()
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(machO.With(b => b[machO.SignatureOffset + 3] = 0xc1), Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.MalformedSuperBlob);
        report.Problems[0].Message.Should().Contain("magic 0xfade0cc1");
    }

    [Fact]
    public void A_code_directory_hashed_with_SHA_1_only_is_refused()
    {
        var machO = SyntheticMachOBuilder.Build(hashType: CodeSigningFormat.HashTypeSha1);

        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.NoSha256CodeDirectory);
    }

    [Fact]
    public void A_signature_without_CS_ADHOC_is_not_the_SDK_ad_hoc_signature()
    {
        var machO = SyntheticMachOBuilder.Build(adHoc: false);

        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc);

        report.Failures.Should().Equal(SignatureFailure.WrongSignatureKind);
    }

    [Fact]
    public void An_ad_hoc_signature_where_a_Developer_ID_was_expected_is_the_wrong_kind()
    {
        var machO = SyntheticMachOBuilder.Build();

        var report = MachOSignatureChecker.Check(machO.Bytes, Arm64AdHoc with { Signature = SignatureKind.Identity });

        report.Failures.Should().Equal(SignatureFailure.WrongSignatureKind);
        report.Problems[0].Message.Should().Contain("CMS blob of 0 byte(s)");
    }
}
