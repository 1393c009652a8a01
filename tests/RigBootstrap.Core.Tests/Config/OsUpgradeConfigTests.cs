using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>steps.osUpgrade's modes (docs/os-upgrade.md): what each field means and which combinations are refused.</summary>
public sealed class OsUpgradeConfigTests
{
    private static OsUpgradeConfig Read(string osUpgrade) =>
        ConfigLoader.Parse(ConfigJson.DesignExample().SetRaw("steps.osUpgrade", osUpgrade).ToString(), "/etc/config.json").Steps.OsUpgrade!;

    [Fact]
    public void Without_a_mode_the_architecture_decides_at_run_time_and_the_deadline_is_two_days()
    {
        var config = Read("""{ "minimumVersion": "15.1" }""");

        config.Mode.Should().BeNull();
        config.VolumeOwner.Should().BeNull();
        config.MdmDeadline.Should().Be(TimeSpan.FromHours(48));
    }

    [Fact]
    public void Softwareupdate_mode_reads_its_volume_owner()
    {
        var config = Read("""{ "minimumVersion": "15.1", "mode": "softwareupdate", "volumeOwner": { "user": "admin", "passwordSecret": "OWNER_PASSWORD" } }""");

        config.Mode.Should().Be(OsUpgradeMode.SoftwareUpdate);
        config.VolumeOwner.Should().Be(new VolumeOwnerConfig { User = "admin", PasswordSecret = "OWNER_PASSWORD" });
    }

    [Fact]
    public void Mdm_mode_reads_its_deadline()
    {
        var config = Read("""{ "minimumVersion": "15.1", "mode": "mdm", "mdmDeadline": "3.00:00:00" }""");

        config.Mode.Should().Be(OsUpgradeMode.Mdm);
        config.MdmDeadline.Should().Be(TimeSpan.FromDays(3));
    }

    [Theory]
    [InlineData("""{ "minimumVersion": "15.1", "volumeOwner": { "user": "admin", "passwordSecret": "P" } }""", "steps.osUpgrade.volumeOwner", "is only used by mode \"softwareupdate\"")]
    [InlineData("""{ "minimumVersion": "15.1", "mode": "softwareupdate", "mdmDeadline": "1.00:00:00" }""", "steps.osUpgrade.mdmDeadline", "is only used by mode \"mdm\"")]
    [InlineData("""{ "minimumVersion": "15.1", "mode": "later" }""", "steps.osUpgrade.mode", "must be one of \"mdm\", \"softwareupdate\"")]
    public void A_field_the_mode_does_not_read_or_an_unknown_mode_is_refused(string osUpgrade, string field, string problem)
    {
        var error = ConfigErrors.Single(ConfigJson.DesignExample().SetRaw("steps.osUpgrade", osUpgrade));

        error.FieldPath.Should().Be(field);
        error.Message.Should().Contain(problem);
    }

    [Fact]
    public void A_volume_owner_needs_the_secrets_that_hold_its_password()
    {
        var json = ConfigJson.DesignExample().Remove("steps.secrets").Remove("steps.keychain").Remove("steps.autologin").Remove("steps.firstDeploy").Remove("commands")
            .SetRaw("steps.osUpgrade", """{ "minimumVersion": "15.1", "mode": "softwareupdate", "volumeOwner": { "user": "admin", "passwordSecret": "P" } }""");

        var error = ConfigErrors.Single(json);

        error.FieldPath.Should().Be("steps.osUpgrade.volumeOwner");
        error.Message.Should().Contain("needs steps.secrets");
    }
}
