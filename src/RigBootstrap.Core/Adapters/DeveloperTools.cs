namespace RigBootstrap.Core.Adapters;

/// <summary>What `xcode-select -p` names on this host, and whether the git there runs.</summary>
public sealed record DeveloperTools
{
    /// <summary>The developer directory as `xcode-select -p` prints it (a host path); null when none is selected.</summary>
    public string? DeveloperDirPath { get; init; }

    /// <summary>Where that directory's git is on this machine (under the host root); null when none is selected.</summary>
    public string? GitPath { get; init; }

    /// <summary>The first line `git --version` printed, such as <c>git version 2.39.5 (Apple Git-154)</c>; null when it did not run.</summary>
    public string? GitVersion { get; init; }

    /// <summary>Why the tools are not usable, for the operator; null when they are.</summary>
    public string? Problem { get; init; }

    public bool Usable => GitVersion is not null && GitPath is not null;

    public static DeveloperTools Missing(string? developerDirPath, string? gitPath, string problem) =>
        new() { DeveloperDirPath = developerDirPath, GitPath = gitPath, Problem = problem };
}
