using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// The developer tools a Mac really has: the directory `xcode-select -p` names and whether its `usr/bin/git` runs.
/// `/usr/bin/git` is not looked at: it is a shim that exists on every Mac and fails until the tools are installed.
/// The fix is the headless install, which works as root; `xcode-select --install` needs someone at the console.
/// </summary>
public sealed class CommandLineToolsCheck : IDoctorCheck
{
    private readonly ICommandLineTools _tools;
    private readonly CommandLineToolsOnDemandMarker _marker;
    private readonly BootstrapConfig? _config;

    public CommandLineToolsCheck(ICommandLineTools tools, CommandLineToolsOnDemandMarker marker, BootstrapConfig? config)
    {
        _tools = tools;
        _marker = marker;
        _config = config;
    }

    public string Name => "command-line-tools";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = ImmutableArray.CreateBuilder<DoctorFinding>();
        var found = await _tools.ProbeAsync(cancellationToken);
        if (found.Usable)
        {
            findings.Add(DoctorFinding.Ok(Name,
                $"xcode-select -p names {found.DeveloperDirPath}; its git ({found.GitPath}) runs: {found.GitVersion}"));
        }
        else if (_config?.Steps.CommandLineTools is not null)
        {
            findings.Add(DoctorFinding.Ok(Name, $"not installed yet ({found.Problem}); the command-line-tools step installs them with softwareupdate"));
        }
        else if (_config is not null)
        {
            findings.Add(DoctorFinding.Ok(Name, $"not installed ({found.Problem}); this config runs no git and does not need them"));
        }
        else
        {
            findings.Add(DoctorFinding.Warning(Name, $"{found.Problem}; first-deploy needs their git",
                "install with a config that has firstDeploy (it adds the command-line-tools step), or by hand as root: "
                + $"`touch {_marker.FilePath}`, `softwareupdate --list`, `softwareupdate --install \"Command Line Tools for Xcode-<version>\"` "
                + $"with the label it lists, then `rm {_marker.FilePath}`"));
        }

        if (_marker.Exists)
        {
            findings.Add(DoctorFinding.Warning(Name,
                $"{_marker.FilePath} exists, so softwareupdate offers the Command Line Tools to every caller; an install that did not finish left it",
                $"`rm {_marker.FilePath}` (rig-bootstrap's command-line-tools step also removes it when it runs)"));
        }

        return findings.ToImmutable();
    }
}
