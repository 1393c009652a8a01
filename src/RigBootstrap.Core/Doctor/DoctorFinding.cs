namespace RigBootstrap.Core.Doctor;

/// <summary>One thing `doctor` found: which check, how much it matters, what it saw, and what to do about it.</summary>
public sealed record DoctorFinding
{
    public required string Check { get; init; }

    public required FindingSeverity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>What to do about it; null for an Ok finding.</summary>
    public string? Fix { get; init; }

    public static DoctorFinding Ok(string check, string message) =>
        new() { Check = check, Severity = FindingSeverity.Ok, Message = message };

    public static DoctorFinding Warning(string check, string message, string fix) =>
        new() { Check = check, Severity = FindingSeverity.Warning, Message = message, Fix = fix };

    public static DoctorFinding Problem(string check, string message, string fix) =>
        new() { Check = check, Severity = FindingSeverity.Problem, Message = message, Fix = fix };
}
