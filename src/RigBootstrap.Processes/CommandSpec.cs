using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.Processes;

/// <summary>Everything needed to run one external command; an immutable value.</summary>
/// <remarks><see cref="ToString"/> is the masked display string, so a logged spec never leaks secrets.</remarks>
public sealed record CommandSpec
{
    // Timers take at most 2^32 - 2 ms (about 49.7 days); checked here so a run cannot fail halfway.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(49);

    /// <summary>Absolute path of the executable; it is never looked up through <c>PATH</c>.</summary>
    public required string FileName
    {
        get;
        init => field = Path.IsPathFullyQualified(value)
            ? value
            : throw new ArgumentException(
                $"FileName must be an absolute path, got '{value}'; resolve the tool to its full path first.",
                nameof(FileName));
    }

    /// <summary>Passed one by one as the child's argv, never joined into a string.</summary>
    public ImmutableArray<string> Arguments { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The child's working directory; <c>null</c> keeps the caller's.</summary>
    public string? WorkingDirPath { get; init; }

    /// <summary>Overrides of the inherited environment; a <c>null</c> value removes the variable.</summary>
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    public StandardInput StandardInput { get; init; } = StandardInput.None;

    /// <summary>After this long the process is stopped and the result says <c>TimedOut</c>.</summary>
    public TimeSpan? Timeout
    {
        get;
        init => field = value is null || (value > TimeSpan.Zero && value <= MaxWait)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Timeout), value, "Timeout must be positive and at most 49 days, or null for none.");
    }

    /// <summary>How long a stopped process gets between SIGTERM and the kill of its whole tree.</summary>
    public TimeSpan GracePeriod { get; init => field = NotNegative(value, nameof(GracePeriod)); } = TimeSpan.FromSeconds(2);

    /// <summary>After exit, how long to wait for end of output before giving up on it.</summary>
    public TimeSpan OutputDrainTimeout { get; init => field = NotNegative(value, nameof(OutputDrainTimeout)); } = TimeSpan.FromSeconds(2);

    /// <summary>Exit codes that count as success; empty allows any exit code.</summary>
    public ImmutableArray<int> AllowedExitCodes { get; init => field = value.IsDefault ? [] : value; } = [0];

    /// <summary>Values replaced by <c>****</c> in every message, log line, sink line and result.</summary>
    public ImmutableArray<string> Secrets { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>How many bytes of the end of each output stream the result keeps.</summary>
    public int OutputTailBytes
    {
        get;
        init => field = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OutputTailBytes), value, "OutputTailBytes must be positive.");
    } = 64 * 1024;

    /// <summary>Run as this user (needs privileges); <c>null</c> runs as the caller.</summary>
    public string? UserName { get; init; }

    public IProcessOutputSink? OutputSink { get; init; }

    /// <summary>
    /// A masked command line a POSIX shell would run the same way (working directory, user and
    /// environment overrides included; stdin left out). For logs only: never executed.
    /// </summary>
    public string ToDisplayString()
    {
        var line = new StringBuilder();
        if (WorkingDirPath is not null)
        {
            line.Append("cd ").Append(QuoteMasked(WorkingDirPath)).Append(" && ");
        }

        if (!string.IsNullOrEmpty(UserName))
        {
            line.Append("sudo -u ").Append(QuoteMasked(UserName)).Append(' ');
        }

        if (!Environment.IsEmpty)
        {
            // env wants its -u options before the assignments; sorting keeps the line stable across runs.
            line.Append("env");
            var ordered = Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            foreach (var (name, _) in ordered.Where(pair => pair.Value is null))
            {
                line.Append(" -u ").Append(QuoteMasked(name));
            }

            foreach (var (name, value) in ordered.Where(pair => pair.Value is not null))
            {
                line.Append(' ').Append(QuoteMasked(name + "=" + value));
            }

            line.Append(' ');
        }

        line.Append(QuoteMasked(FileName));
        foreach (var argument in Arguments)
        {
            line.Append(' ').Append(QuoteMasked(argument));
        }

        return line.ToString();
    }

    public override string ToString() => ToDisplayString();

    /// <summary>A copy with every secret masked and stdin, sink and the secrets themselves dropped.</summary>
    internal CommandSpec ToMasked()
    {
        var maskedFileName = Mask(FileName);
        return this with
        {
            // A secret covering the whole path would leave a relative name, which FileName rejects.
            FileName = Path.IsPathFullyQualified(maskedFileName) ? maskedFileName : "/" + SecretMask.Mask,
            Arguments = [.. Arguments.Select(Mask)],
            WorkingDirPath = WorkingDirPath is null ? null : Mask(WorkingDirPath),
            Environment = Environment.ToImmutableDictionary(pair => pair.Key, pair => pair.Value is null ? null : Mask(pair.Value)),
            StandardInput = StandardInput.None,
            OutputSink = null,
            Secrets = [],
        };
    }

    internal string Mask(string text) => SecretMask.Apply(text, Secrets);

    private string QuoteMasked(string word) => ShellEscape.Quote(Mask(word));

    private static TimeSpan NotNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero && value <= MaxWait
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between zero and 49 days.");
}
