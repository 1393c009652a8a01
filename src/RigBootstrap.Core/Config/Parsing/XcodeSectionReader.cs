using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads <c>steps.xcode</c>: the version, exactly one source (xip or xcodes), and the platforms.</summary>
internal static class XcodeSectionReader
{
    private const string SourceFix =
        "add \"xip\": { \"url\": \"https://mirror.example/Xcode_16.2.xip\", \"sha256\": \"<64 hex digits>\" } (or \"path\" for a .xip on the host), "
        + "or \"xcodes\": { \"appleId\": \"ci@example.com\", \"passwordSecret\": \"APPLE_ID_PASSWORD\" }";

    public static XcodeConfig? Read(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("xcode",
            "write it as { \"version\": \"16.2\", \"xip\": { \"url\": \"https://…\", \"sha256\": \"…\" } }", ConfigObjectShape.Xcode);
        if (section is null)
        {
            return null;
        }

        var version = section.RequiredString("version", "set it to an Xcode version such as 16.2", FieldRules.Version("16.2")) ?? "";
        var xip = ReadXip(section);
        var xcodes = ReadXcodes(section);
        if (!section.Has("xip") && !section.Has("xcodes"))
        {
            // Without a source the step could only hope for an xcodes signed in by hand, which 2FA makes impossible unattended.
            section.Errors.Add(section.Path, $"{section.Path} has no source for Xcode; {SourceFix}");
        }
        else if (section.Has("xip") && section.Has("xcodes"))
        {
            section.Errors.Add(section.Child("xcodes"), $"{section.Child("xcodes")} and {section.Child("xip")} are both set; keep one source: the xip (no Apple ID needed) or xcodes");
        }

        return new XcodeConfig { Version = version, Xip = xip, Xcodes = xcodes, Platforms = ReadPlatforms(section) };
    }

    private static XipSourceConfig? ReadXip(JsonObjectReader section)
    {
        var xip = section.OptionalObject("xip",
            "write it as { \"url\": \"https://mirror.example/Xcode_16.2.xip\", \"sha256\": \"<64 hex digits>\" }, or with \"path\" instead of \"url\"",
            ConfigObjectShape.Xip);
        if (xip is null)
        {
            return null;
        }

        var url = xip.OptionalString("url", "set it to an https URL of the .xip, such as https://mirror.example/Xcode_16.2.xip", XipRules.Url);
        var path = xip.OptionalString("path", "set it to the .xip's absolute path on the host, such as /Users/Shared/Xcode_16.2.xip",
            HostPathRule.For("/Users/Shared/Xcode_16.2.xip"));
        if (xip.Has("url") == xip.Has("path"))
        {
            xip.Errors.Add(xip.Path, $"{xip.Path} must set exactly one of url and path, not {(xip.Has("url") ? "both" : "neither")}; "
                + "use url to download it (resumable) or path for a .xip already on the host");
        }

        var sha256 = xip.RequiredString("sha256", "set it to the archive's SHA-256 as printed by `shasum -a 256 Xcode_16.2.xip`", XipRules.Sha256);
        return new XipSourceConfig { Url = url, Path = path, Sha256 = sha256?.ToLowerInvariant() ?? "" };
    }

    private static XcodesAccountConfig? ReadXcodes(JsonObjectReader section)
    {
        var xcodes = section.OptionalObject("xcodes",
            "write it as { \"appleId\": \"ci@example.com\", \"passwordSecret\": \"APPLE_ID_PASSWORD\" }", ConfigObjectShape.Xcodes);
        return xcodes is null
            ? null
            : new XcodesAccountConfig
            {
                AppleId = xcodes.RequiredString("appleId", "set it to the Apple ID xcodes signs in with, such as ci@example.com", XipRules.AppleId) ?? "",
                PasswordSecret = xcodes.RequiredString("passwordSecret",
                    "set it to the name of the secret holding the Apple ID password, such as APPLE_ID_PASSWORD",
                    FieldRules.SecretName("APPLE_ID_PASSWORD")) ?? "",
            };
    }

    private static ImmutableArray<string> ReadPlatforms(JsonObjectReader section)
    {
        var fix = $"list platforms for `xcodebuild -downloadPlatform`, such as [\"iOS\"]; known: {string.Join(", ", XcodeConfig.KnownPlatforms)}";
        var elements = section.OptionalArray("platforms", fix);
        if (elements is null)
        {
            return [];
        }

        var platforms = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < elements.Length; i++)
        {
            var path = $"{section.Child("platforms")}[{i}]";
            var name = section.ReadString(path, elements[i], fix, FieldRules.OneOf([.. XcodeConfig.KnownPlatforms]));
            if (name is null || !XcodeConfig.KnownPlatforms.Contains(name))
            {
                continue;
            }

            if (platforms.Contains(name))
            {
                section.Errors.Add(path, $"{path} repeats \"{name}\"; list each platform once");
                continue;
            }

            platforms.Add(name);
        }

        return platforms.ToImmutable();
    }
}
