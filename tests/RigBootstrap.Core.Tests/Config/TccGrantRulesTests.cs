using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>What a PPPC profile cannot grant is refused at config time, naming the field and the reason.</summary>
public sealed class TccGrantRulesTests
{
    private const string Service = "steps.tcc.grants[0].service";

    [Theory]
    [InlineData("kTCCServiceCamera", "is kTCCServiceCamera, which a PPPC profile can only deny, never grant")]
    [InlineData("kTCCServiceMicrophone", "is kTCCServiceMicrophone, which a PPPC profile can only deny, never grant")]
    [InlineData("kTCCServiceScreenCapture", "is kTCCServiceScreenCapture, which no profile can switch on")]
    [InlineData("kTCCServiceListenEvent", "is kTCCServiceListenEvent, which no profile can switch on")]
    [InlineData("kTCCServiceDeveloperTool", "is kTCCServiceDeveloperTool, which no PPPC profile can grant")]
    [InlineData("kTCCServiceEndpointSecurityClient", "is kTCCServiceEndpointSecurityClient, which no PPPC profile can grant")]
    public void A_service_no_profile_can_grant_is_refused_with_the_reason(string service, string problem)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(Service, service);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(Service);
        error.Message.Should().StartWith($"{Service} {problem}");
    }

    [Theory]
    [InlineData("kTCCServiceScreenCapture")]
    [InlineData("kTCCServiceListenEvent")]
    public void A_service_a_person_must_approve_is_accepted_with_approval_person(string service)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(Service, service).Set("steps.tcc.grants[0].approval", "person");

        // Act
        var config = ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Steps.Tcc!.Grants[0].Should().BeEquivalentTo(new TccGrantConfig { Service = service, Client = "/usr/local/bin/rig-agent", Approval = TccApproval.Person });
    }

    [Fact]
    public void Apple_events_need_a_receiver()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(Service, "kTCCServiceAppleEvents");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.tcc.grants[0].receiver");
        error.Message.Should().StartWith("steps.tcc.grants[0].receiver is missing; kTCCServiceAppleEvents is granted per receiving app");
    }

    [Fact]
    public void Apple_events_with_a_receiver_are_accepted_and_other_services_refuse_one()
    {
        // Arrange
        var appleEvents = ConfigJson.DesignExample().Set(Service, "kTCCServiceAppleEvents").Set("steps.tcc.grants[0].receiver", "com.apple.systemevents");
        var accessibility = ConfigJson.DesignExample().Set("steps.tcc.grants[0].receiver", "com.apple.systemevents");

        // Act
        var config = ConfigLoader.Parse(appleEvents.ToString(), ConfigErrors.FilePath);
        var error = ConfigErrors.Single(accessibility);

        // Assert
        config.Steps.Tcc!.Grants[0].Receiver.Should().Be("com.apple.systemevents");
        error.Message.Should().StartWith("steps.tcc.grants[0].receiver is set, but only kTCCServiceAppleEvents has a receiver");
    }

    [Fact]
    public void Every_payload_key_is_a_kTCCService_name_away_and_Apples_schema_has_them_all()
    {
        // Assert: the 23 keys of apple/device-management's schema and BluetoothAlways.
        PppcServices.PayloadKeys.Should().HaveCount(24).And.Contain(["Accessibility", "AppleEvents", "SystemPolicyAllFiles", "SystemPolicyAppData"]);
        PppcServices.HasPayloadKey("kTCCServiceSystemPolicyAllFiles").Should().BeTrue();
        PppcServices.HasPayloadKey("SystemPolicyAllFiles").Should().BeFalse("a payload key is the name without kTCCService; the config names the service");
    }
}
