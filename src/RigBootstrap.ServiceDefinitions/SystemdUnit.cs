using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>A systemd service unit as data: the [Unit], [Service] and [Install] settings rig-bootstrap writes on Linux.</summary>
/// <remarks>Invalid values are refused when they are set; <see cref="SystemdUnitWriter"/> does the quoting.</remarks>
public sealed partial record SystemdUnit
{
    // systemd.service(5): the accepted values of Type= (notify-reload needs systemd 253) and Restart=.
    private static readonly ImmutableArray<string> KnownTypes = ["simple", "exec", "forking", "oneshot", "dbus", "notify", "notify-reload", "idle"];
    private static readonly ImmutableArray<string> KnownRestarts = ["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"];

    public required string Description { get; init => field = value ?? throw new ArgumentNullException(nameof(Description)); }

    public ImmutableArray<string> Wants { get; init => field = UnitNames(value, nameof(Wants)); } = [];

    public ImmutableArray<string> After { get; init => field = UnitNames(value, nameof(After)); } = [];

    public int? StartLimitIntervalSec { get; init => field = NotNegative(value, nameof(StartLimitIntervalSec)); }

    public int? StartLimitBurst { get; init => field = NotNegative(value, nameof(StartLimitBurst)); }

    public string? Type { get; init => field = OneOf(value, KnownTypes, nameof(Type)); }

    /// <summary>The program and its arguments, as a list; the first element is an absolute path.</summary>
    public required ImmutableArray<string> ExecStart
    {
        get;
        init
        {
            if (value.IsDefaultOrEmpty || value.Any(argument => argument is null))
            {
                throw new ArgumentException("ExecStart must list the program and its arguments, with no null entries.", nameof(ExecStart));
            }

            if (!value[0].StartsWith('/'))
            {
                throw new ArgumentException($"ExecStart[0] '{value[0]}' must be an absolute path to the program.", nameof(ExecStart));
            }

            // systemd refuses these in the executable's name ("Executable name contains special characters"),
            // however they are quoted; checked with systemd-analyze verify (systemd 252).
            if (value[0].IndexOfAny(['\\', '"', '\'']) >= 0)
            {
                throw new ArgumentException($"ExecStart[0] '{value[0]}' contains a backslash or quote, which systemd refuses in a program path.", nameof(ExecStart));
            }

            field = value;
        }
    }

    public string? Restart { get; init => field = OneOf(value, KnownRestarts, nameof(Restart)); }

    public int? RestartSec { get; init => field = NotNegative(value, nameof(RestartSec)); }

    /// <summary>Exit statuses systemd counts as a clean stop besides 0 (systemd.service(5)); each 0–255.</summary>
    public ImmutableArray<int> SuccessExitStatus
    {
        get;
        init
        {
            var statuses = value.IsDefault ? [] : value;
            if (statuses.Any(status => status is < 0 or > 255))
            {
                throw new ArgumentException($"SuccessExitStatus={string.Join(' ', statuses)}: an exit status is between 0 and 255.", nameof(SuccessExitStatus));
            }

            field = statuses;
        }
    } = [];

    /// <summary>Variables set for the service, in the order they are written; names are unique.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Environment
    {
        get;
        init
        {
            var variables = value.IsDefault ? [] : value;
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, text) in variables)
            {
                if (name is null || !EnvironmentNamePattern().IsMatch(name) || text is null)
                {
                    throw new ArgumentException($"Environment variable '{name}' needs a name of letters, digits and '_' (not starting with a digit) and a value.", nameof(Environment));
                }

                if (!names.Add(name))
                {
                    throw new ArgumentException($"Environment variable '{name}' is set twice; keep one.", nameof(Environment));
                }
            }

            field = variables;
        }
    } = [];

    public string? WorkingDirectory { get; init; }

    public string? User { get; init; }

    public ImmutableArray<string> WantedBy { get; init => field = UnitNames(value, nameof(WantedBy)); } = [];

    private static ImmutableArray<string> UnitNames(ImmutableArray<string> names, string setting)
    {
        var checkedNames = names.IsDefault ? [] : names;
        foreach (var name in checkedNames)
        {
            if (name is null || !UnitNamePattern().IsMatch(name))
            {
                throw new ArgumentException($"{setting}: '{name}' is not a unit name such as network-online.target.", setting);
            }
        }

        return checkedNames;
    }

    private static int? NotNegative(int? value, string setting) =>
        value is null or >= 0 ? value : throw new ArgumentException($"{setting}={value} must not be negative.", setting);

    private static string? OneOf(string? value, ImmutableArray<string> known, string setting) =>
        value is null || known.Contains(value)
            ? value
            : throw new ArgumentException($"{setting}={value} is not a value systemd accepts; use one of {string.Join(", ", known)}.", setting);

    [GeneratedRegex(@"^[A-Za-z0-9:_.@-]+\z")]
    private static partial Regex UnitNamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex EnvironmentNamePattern();
}
