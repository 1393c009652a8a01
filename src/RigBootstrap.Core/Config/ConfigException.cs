using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>The config is unusable; carries every problem found, each with its fix (exit 78).</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(ImmutableArray<ConfigError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public ImmutableArray<ConfigError> Errors { get; }

    private static string FormatMessage(ImmutableArray<ConfigError> errors)
    {
        if (errors.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A config exception needs at least one error.", nameof(errors));
        }

        return string.Join('\n', errors.Select(error => error.ToString()));
    }
}
