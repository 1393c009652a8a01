using Xunit.Sdk;

namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

public sealed class SystemdAnalyzeTests
{
    [SystemdAnalyzeFact]
    public void A_unit_with_an_unknown_key_fails_the_check_although_verify_exits_zero()
    {
        // Arrange
        using var dir = new TempDir();
        var programPath = dir.WriteExecutableStub("tool");
        var unitFilePath = dir.WriteFile("odd-key.service", $"[Service]\nExecStart={programPath}\nNoSuchSetting=1\n");

        // Act
        var check = () => SystemdAnalyze.AssertVerifies(unitFilePath);

        // Assert
        check.Should().Throw<XunitException>().WithMessage("*Unknown key*NoSuchSetting*");
    }

    [SystemdAnalyzeFact]
    public void A_unit_whose_program_does_not_exist_fails_the_check()
    {
        // Arrange
        using var dir = new TempDir();
        var unitFilePath = dir.WriteFile("missing-program.service", $"[Service]\nExecStart={Path.Combine(dir.DirPath, "absent")}\n");

        // Act
        var check = () => SystemdAnalyze.AssertVerifies(unitFilePath);

        // Assert
        check.Should().Throw<XunitException>().WithMessage("*is not executable*");
    }
}
