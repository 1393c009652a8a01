using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Collects every problem found in one config file, in the order they were found.</summary>
internal sealed class ConfigErrorList(string filePath)
{
    private readonly List<ConfigError> _errors = [];

    public int Count => _errors.Count;

    /// <summary>Adds a problem; <paramref name="message"/> is the whole sentence, field path included.</summary>
    public void Add(string fieldPath, string message) => _errors.Add(new ConfigError(filePath, fieldPath, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ConfigException([.. _errors]);
        }
    }

    public static ConfigException Single(string filePath, string message) =>
        new(ImmutableArray.Create(new ConfigError(filePath, "", message)));
}
