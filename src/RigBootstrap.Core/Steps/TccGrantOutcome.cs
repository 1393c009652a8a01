using System.Collections.Immutable;
using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Steps;

/// <summary>Everything the sources said about one grant, and whether that satisfies it.</summary>
public sealed record TccGrantOutcome(TccGrantConfig Grant, ImmutableArray<TccSourceFinding> Findings)
{
    /// <summary>The first source that grants it, unless an MDM source denies it (a deny wins over any allow).</summary>
    public TccSourceFinding? SatisfiedBy =>
        Findings.Any(f => f.Kind == TccFindingKind.Denied) ? null : Findings.FirstOrDefault(f => f.Kind == TccFindingKind.Granted);

    public bool IsSatisfied => SatisfiedBy is not null;

    /// <summary>"kTCCServiceX to /client: granted by …" or, while waiting, what each source said.</summary>
    public string Describe()
    {
        if (SatisfiedBy is { } by)
        {
            return $"{Grant.Describe()}: {by}";
        }

        var task = Grant.Approval == TccApproval.Person
            ? $"waiting for a person to switch on {Grant.Service} for {Grant.Client} in {PppcServices.SettingsPane(Grant.Service)} (no profile can)"
            : $"waiting for the MDM's PPPC profile to grant {Grant.Describe()}";
        return $"{task}; {string.Join("; ", Findings)}";
    }
}
