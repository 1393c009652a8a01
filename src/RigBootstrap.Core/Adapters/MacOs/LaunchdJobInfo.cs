namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>The top-level facts <c>launchctl print</c> gives about one job; a field is null when the output lacks it.</summary>
public sealed record LaunchdJobInfo(
    string? State,
    int? Pid,
    int? Runs,
    int? LastExitCode,
    string? Type,
    string? Path,
    string? Domain)
{
    /// <summary>No field known: what empty, malformed or space-indented output gives.</summary>
    public static LaunchdJobInfo Unknown { get; } = new(null, null, null, null, null, null, null);

    /// <summary>launchd prints a <c>pid</c> line only while the job has a process.</summary>
    public bool IsRunning => Pid is not null;
}
