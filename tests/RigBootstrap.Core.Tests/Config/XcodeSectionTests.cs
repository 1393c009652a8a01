using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>steps.xcode: exactly one source (a pinned .xip by URL or path, or xcodes with an Apple ID), and known platforms.</summary>
public sealed class XcodeSectionTests
{
    private const string Sha = ConfigSamples.XipSha256;

    private static string Config(string xcode, string extraSteps = "") => $$"""
        { "agent": { "user": "claude", "home": "/Users/claude" }, "steps": { {{extraSteps}} "xcode": {{xcode}} } }
        """;

    [Fact]
    public void Without_a_source_xcode_is_refused_with_both_ways_to_add_one()
    {
        var error = ConfigErrors.Of(Config("""{ "version": "16.2" }""")).Should().ContainSingle().Subject;

        error.FieldPath.Should().Be("steps.xcode");
        error.Message.Should().Contain("has no source for Xcode").And.Contain("\"xip\": { \"url\"").And.Contain("\"xcodes\": { \"appleId\"");
    }

    [Theory]
    [InlineData("https://mirror.example/Xcode_16.2.xip")]
    [InlineData("http://127.0.0.1:8080/Xcode_16.2.xip")]
    [InlineData("http://[::1]:8080/Xcode_16.2.xip")]
    [InlineData("http://localhost/Xcode_16.2.xip")]
    public void An_https_url_or_plain_http_to_loopback_is_accepted(string url)
    {
        var config = ConfigLoader.Parse(Config($$"""{ "version": "16.2", "xip": { "url": "{{url}}", "sha256": "{{Sha.ToUpperInvariant()}}" }, "platforms": ["iOS", "visionOS"] }"""), "config.json");

        config.Steps.Xcode!.Xip!.Url.Should().Be(url);
        config.Steps.Xcode.Xip.Sha256.Should().Be(Sha, "the pin is kept in lowercase, as the download compares it");
        config.Steps.Xcode.Platforms.Should().Equal("iOS", "visionOS");
    }

    [Theory]
    [InlineData("""{ "url": "http://mirror.example/X.xip", "sha256": "{S}" }""", "steps.xcode.xip.url", "plain http to mirror.example; use https")]
    [InlineData("""{ "url": "ftp://mirror.example/X.xip", "sha256": "{S}" }""", "steps.xcode.xip.url", "must be an absolute https URL")]
    [InlineData("""{ "url": "https://user:pw@mirror.example/X.xip", "sha256": "{S}" }""", "steps.xcode.xip.url", "user name or password")]
    [InlineData("""{ "url": "https://mirror.example/X.xip", "path": "/Users/Shared/X.xip", "sha256": "{S}" }""", "steps.xcode.xip", "exactly one of url and path, not both")]
    [InlineData("""{ "sha256": "{S}" }""", "steps.xcode.xip", "exactly one of url and path, not neither")]
    [InlineData("""{ "path": "Xcode.xip", "sha256": "{S}" }""", "steps.xcode.xip.path", "is not an absolute path")]
    [InlineData("""{ "path": "/Users/Shared/X.xip", "sha256": "abc" }""", "steps.xcode.xip.sha256", "must be 64 hex digits")]
    [InlineData("""{ "path": "/Users/Shared/X.xip" }""", "steps.xcode.xip.sha256", "is missing; set it to the archive's SHA-256")]
    [InlineData("""{ "path": "/Users/Shared/X.xip", "sha256": "{S}", "md5": "x" }""", "steps.xcode.xip.md5", "is not a known field")]
    public void A_bad_xip_source_is_refused_naming_the_field(string xip, string field, string problem)
    {
        var error = ConfigErrors.Of(Config($$"""{ "version": "16.2", "xip": {{xip.Replace("{S}", Sha, StringComparison.Ordinal)}} }""")).Should().ContainSingle().Subject;

        error.FieldPath.Should().Be(field);
        error.Message.Should().StartWith(field).And.Contain(problem);
    }

    [Theory]
    [InlineData("""["macOS"]""", "steps.xcode.platforms[0]", "must be one of \"iOS\", \"watchOS\", \"tvOS\", \"visionOS\", not \"macOS\"")]
    [InlineData("""["iOS", "iOS"]""", "steps.xcode.platforms[1]", "repeats \"iOS\"")]
    [InlineData("\"iOS\"", "steps.xcode.platforms", "must be an array")]
    public void An_unknown_or_repeated_platform_is_refused(string platforms, string field, string problem)
    {
        var error = ConfigErrors.Of(Config($$"""{ "version": "16.2", "platforms": {{platforms}}, "xip": { "path": "/Users/Shared/X.xip", "sha256": "{{Sha}}" } }""")).Should().ContainSingle().Subject;

        error.FieldPath.Should().Be(field);
        error.Message.Should().Contain(problem);
    }

    [Fact]
    public void Both_sources_at_once_are_refused()
    {
        var error = ConfigErrors.Of(Config($$"""{ "version": "16.2", "xip": { "path": "/Users/Shared/X.xip", "sha256": "{{Sha}}" }, "xcodes": { "appleId": "ci@example.com", "passwordSecret": "APPLE_ID_PASSWORD" } }""",
            """ "ageKey": { "path": "/Users/claude/.rig/age/key.txt" }, "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.env", "envFile": "/Users/claude/.rig/env" }, """))
            .Should().ContainSingle().Subject;

        error.FieldPath.Should().Be("steps.xcode.xcodes");
        error.Message.Should().Contain("keep one source");
    }

    [Fact]
    public void Xcodes_takes_its_Apple_ID_password_from_the_secrets_and_needs_them()
    {
        var error = ConfigErrors.Of(Config("""{ "version": "16.2", "xcodes": { "appleId": "ci@example.com", "passwordSecret": "APPLE_ID_PASSWORD" } }""")).Should().ContainSingle().Subject;

        error.FieldPath.Should().Be("steps.xcode.xcodes");
        error.Message.Should().Be("steps.xcode.xcodes needs steps.secrets, which holds the Apple ID password; add steps.secrets or remove steps.xcode.xcodes");
    }

    [Fact]
    public void Xcodes_with_secrets_is_a_source()
    {
        var config = ConfigLoader.Parse(Config("""{ "version": "16.2", "xcodes": { "appleId": "ci@example.com", "passwordSecret": "APPLE_ID_PASSWORD" } }""",
            """ "ageKey": { "path": "/Users/claude/.rig/age/key.txt" }, "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.env", "envFile": "/Users/claude/.rig/env" }, """), "config.json");

        config.Steps.Xcode!.Xcodes.Should().Be(new XcodesAccountConfig { AppleId = "ci@example.com", PasswordSecret = "APPLE_ID_PASSWORD" });
        config.Steps.Xcode.Xip.Should().BeNull();
    }
}
