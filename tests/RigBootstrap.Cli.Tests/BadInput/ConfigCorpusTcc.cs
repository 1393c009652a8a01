using System.Collections.Immutable;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>
/// TCC grants no PPPC profile can deliver (Apple's com.apple.TCC.configuration-profile-policy schema, docs/tcc.md):
/// each is refused before anything changes, naming the field and the reason, so a host never waits forever for them.
/// </summary>
public static class ConfigCorpusTcc
{
    private const string Agent = TestConfigs.Agent;

    public static ImmutableArray<BadConfig> All { get; } =
    [
        Grant("tcc-camera", """{ "service": "kTCCServiceCamera", "client": "/usr/local/bin/rig-agent" }""",
            "steps.tcc.grants[0].service", "kTCCServiceCamera", "can only deny, never grant"),
        Grant("tcc-microphone", """{ "service": "kTCCServiceMicrophone", "client": "com.rig.agent" }""",
            "steps.tcc.grants[0].service", "kTCCServiceMicrophone", "can only deny, never grant"),
        Grant("tcc-screen-capture-without-a-person", """{ "service": "kTCCServiceScreenCapture", "client": "/usr/local/bin/rig-agent" }""",
            "steps.tcc.grants[0].service", "AllowStandardUserToSetSystemService", "\"approval\": \"person\"", "Screen & System Audio Recording"),
        Grant("tcc-listen-event-without-a-person", """{ "service": "kTCCServiceListenEvent", "client": "/usr/local/bin/rig-agent", "approval": "mdm" }""",
            "steps.tcc.grants[0].service", "\"approval\": \"person\"", "Input Monitoring"),
        Grant("tcc-service-no-payload-has", """{ "service": "kTCCServiceDeveloperTool", "client": "/usr/local/bin/rig-agent" }""",
            "steps.tcc.grants[0].service", "no PPPC profile can grant", "SystemPolicyAllFiles"),
        Grant("tcc-apple-events-without-a-receiver", """{ "service": "kTCCServiceAppleEvents", "client": "com.rig.agent" }""",
            "steps.tcc.grants[0].receiver is missing", "AEReceiverIdentifier", "com.apple.systemevents"),
        Grant("tcc-receiver-on-accessibility", """{ "service": "kTCCServiceAccessibility", "client": "/usr/local/bin/rig-agent", "receiver": "com.apple.finder" }""",
            "steps.tcc.grants[0].receiver is set", "only kTCCServiceAppleEvents has a receiver"),
        Grant("tcc-unknown-approval", """{ "service": "kTCCServiceAccessibility", "client": "/usr/local/bin/rig-agent", "approval": "admin" }""",
            "steps.tcc.grants[0].approval must be one of", "\"person\""),
    ];

    private static BadConfig Grant(string name, string grant, params string[] mentions) =>
        ConfigCorpus.Text(name, $$"""{ {{Agent}}, "steps": { "tcc": { "grants": [ {{grant}} ] } } }""", mentions);
}
