using System.Collections.Immutable;
using System.Text;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>The whole bad-config corpus (issue 4, item 5): every case `install` must refuse with 78, changing nothing.</summary>
public static class ConfigCorpus
{
    private static readonly ImmutableDictionary<string, BadConfig> ByName =
        ConfigCorpusSyntax.All.AddRange(ConfigCorpusFields.All).AddRange(ConfigCorpusPaths.All).AddRange(ConfigCorpusTcc.All).AddRange(ConfigCorpusXcode.All)
            .ToImmutableDictionary(config => config.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. ByName.Keys.Order(StringComparer.Ordinal)];

    public static int Count => ByName.Count;

    public static BadConfig Named(string name) => ByName[name];

    public static BadConfig Text(string name, string json, params string[] mentions) => new()
    {
        Name = name,
        Bytes = Encoding.UTF8.GetBytes(json),
        MessageMentions = [.. mentions],
    };
}
