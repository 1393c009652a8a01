using System.Collections.Immutable;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>steps.xcode without a usable source: each refused with 78, naming the field and the fix.</summary>
public static class ConfigCorpusXcode
{
    private const string Agent = TestConfigs.Agent;
    private const string Sha = "0b8c3c6c1d5e0f6f8d87e0bf1e9c4a7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b";

    public static ImmutableArray<BadConfig> All { get; } =
    [
        ConfigCorpus.Text("xcode-without-a-source",
            $$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2" } } }""",
            "steps.xcode has no source", "\"xip\": { \"url\"", "\"xcodes\": { \"appleId\""),
        ConfigCorpus.Text("xcode-xip-url-and-path",
            $$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2", "xip": { "url": "https://m.example/X.xip", "path": "/Users/Shared/X.xip", "sha256": "{{Sha}}" } } } }""",
            "steps.xcode.xip", "exactly one of url and path"),
        ConfigCorpus.Text("xcode-xip-plain-http",
            $$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2", "xip": { "url": "http://m.example/X.xip", "sha256": "{{Sha}}" } } } }""",
            "steps.xcode.xip.url", "use https"),
        ConfigCorpus.Text("xcode-xip-bad-sha256",
            $$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2", "xip": { "path": "/Users/Shared/X.xip", "sha256": "not-a-hash" } } } }""",
            "steps.xcode.xip.sha256", "64 hex digits"),
        ConfigCorpus.Text("xcode-unknown-platform",
            $$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2", "platforms": ["iPadOS"], "xip": { "path": "/Users/Shared/X.xip", "sha256": "{{Sha}}" } } } }""",
            "steps.xcode.platforms[0]", "\"iOS\", \"watchOS\", \"tvOS\", \"visionOS\""),
        ConfigCorpus.Text("xcode-xcodes-without-secrets",
            $$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2", "xcodes": { "appleId": "ci@example.com", "passwordSecret": "APPLE_ID_PASSWORD" } } } }""",
            "steps.xcode.xcodes needs steps.secrets", "add steps.secrets"),
    ];
}
