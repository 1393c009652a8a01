using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>A launchd job as data: the keys of a LaunchDaemon plist that rig-bootstrap writes and reads back.</summary>
/// <remarks>Invalid values are refused when they are set, so a definition that exists can always be rendered.</remarks>
public sealed partial record LaunchDaemonDefinition
{
    // launchd.plist(5): ProcessType takes exactly these values.
    private static readonly ImmutableArray<string> KnownProcessTypes = ["Background", "Standard", "Adaptive", "Interactive"];

    /// <summary>The job's reverse-DNS label, e.g. <c>com.rig.bootstrap</c>.</summary>
    public required string Label
    {
        get;
        init => field = ValidLabelPattern().IsMatch(value ?? string.Empty)
            ? value!
            : throw new ArgumentException(
                $"Label '{value}' is not a reverse-DNS launchd label; use letters, digits, '.' and '-', such as com.rig.bootstrap.",
                nameof(Label));
    }

    /// <summary>The program and its arguments, as a list; the first element is an absolute path.</summary>
    public required ImmutableArray<string> ProgramArguments
    {
        get;
        init
        {
            if (value.IsDefaultOrEmpty || value.Any(argument => argument is null))
            {
                throw new ArgumentException("ProgramArguments must list the program and its arguments, with no null entries.", nameof(ProgramArguments));
            }

            // launchd does not search PATH for a daemon, and a daemon's PATH is minimal anyway.
            if (!value[0].StartsWith('/'))
            {
                throw new ArgumentException($"ProgramArguments[0] '{value[0]}' must be an absolute path to the program.", nameof(ProgramArguments));
            }

            field = value;
        }
    }

    public bool RunAtLoad { get; init; }

    /// <summary>Rendered as <c>KeepAlive = { SuccessfulExit = false }</c>: launchd restarts the job only after a failed exit.</summary>
    public bool KeepAliveUnlessSuccessfulExit { get; init; }

    public int? ThrottleIntervalSeconds
    {
        get;
        init => field = value is null or >= 0
            ? value
            : throw new ArgumentException($"ThrottleInterval {value} must not be negative.", nameof(ThrottleIntervalSeconds));
    }

    /// <summary>
    /// Runs the job every so many seconds (launchd.plist(5) StartInterval); what a periodic LaunchAgent such as the
    /// fleet agent's pull loop uses instead of KeepAlive.
    /// </summary>
    public int? StartIntervalSeconds
    {
        get;
        init => field = value is null or > 0
            ? value
            : throw new ArgumentException($"StartInterval {value} must be a positive number of seconds.", nameof(StartIntervalSeconds));
    }

    /// <summary>One of <c>Background</c>, <c>Standard</c>, <c>Adaptive</c>, <c>Interactive</c>.</summary>
    public string? ProcessType
    {
        get;
        init => field = value is null || KnownProcessTypes.Contains(value)
            ? value
            : throw new ArgumentException(
                $"ProcessType '{value}' is not one launchd knows; use {string.Join(", ", KnownProcessTypes)}.", nameof(ProcessType));
    }

    public string? UserName { get; init; }

    public string? GroupName { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>Variables launchd sets for the job, in the order they are written; names are unique.</summary>
    public ImmutableArray<KeyValuePair<string, string>> EnvironmentVariables
    {
        get;
        init
        {
            var variables = value.IsDefault ? [] : value;
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, text) in variables)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('=') || text is null)
                {
                    throw new ArgumentException($"Environment variable '{name}' needs a name without '=' and a value.", nameof(EnvironmentVariables));
                }

                if (!names.Add(name))
                {
                    throw new ArgumentException($"Environment variable '{name}' is set twice; keep one.", nameof(EnvironmentVariables));
                }
            }

            field = variables;
        }
    } = [];

    public string? StandardOutPath { get; init; }

    public string? StandardErrorPath { get; init; }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.-]*\z")]
    private static partial Regex ValidLabelPattern();
}
