using System.Collections.Immutable;
using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>Parses config text that must be refused, and hands back the errors it was refused with.</summary>
internal static class ConfigErrors
{
    public const string FilePath = "config.json";

    public static ImmutableArray<ConfigError> Of(string json)
    {
        var parse = () => ConfigLoader.Parse(json, FilePath);
        return parse.Should().Throw<ConfigException>().Which.Errors;
    }

    public static ImmutableArray<ConfigError> Of(ConfigJson json) => Of(json.ToString());

    /// <summary>The one error the config must produce; fails the test when there are none or several.</summary>
    public static ConfigError Single(ConfigJson json) => Of(json).Should().ContainSingle().Subject;
}
