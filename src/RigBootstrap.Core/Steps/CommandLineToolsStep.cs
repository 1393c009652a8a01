using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The Command Line Tools for Xcode, headless (docs/command-line-tools.md): done when `xcode-select -p` names a
/// directory whose `usr/bin/git --version` runs; else the unattended install every provisioning script uses: create
/// the on-demand marker, find the newest `Command Line Tools for Xcode-…` label in `softwareupdate --list`,
/// `softwareupdate --install` it, remove the marker. git for first-deploy comes from here (or a selected Xcode).
/// </summary>
public sealed class CommandLineToolsStep : IStep
{
    /// <summary>The label being installed, kept before `softwareupdate --install` runs so status and the log can name it.</summary>
    public const string LabelFact = "installing";

    private readonly ICommandLineTools _tools;
    private readonly CommandLineToolsOnDemandMarker _marker;

    /// <param name="dependsOn">os-upgrade when configured: a major upgrade can leave the tools broken, so they come after it.</param>
    public CommandLineToolsStep(ImmutableArray<string> dependsOn, ICommandLineTools tools, CommandLineToolsOnDemandMarker marker)
    {
        _tools = tools;
        _marker = marker;
        DependsOn = dependsOn;
        Traits = new StepTraits
        {
            Description = "Command Line Tools (xcode-select -p and its git, else softwareupdate --install \"Command Line Tools for Xcode-…\")",
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromMinutes(5),
        };
    }

    public string Id => BuiltInStepIds.CommandLineTools;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken)
    {
        RemoveStaleMarker(context);
        return (await _tools.ProbeAsync(cancellationToken)).Usable;
    }

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        RemoveStaleMarker(context);
        try
        {
            if (await _tools.ProbeAsync(cancellationToken) is { Usable: true })
            {
                return ApplyResult.Succeeded;
            }

            _marker.Create();
            var offered = CommandLineToolsLabel.Newest(await _tools.ListAsync(cancellationToken));
            if (offered is null)
            {
                return new ApplyResult.Fail(
                    $"softwareupdate --list offers no \"Command Line Tools for Xcode-…\" although {_marker.FilePath} is in place; "
                    + "check that the host reaches Apple's software update catalog (or the one an MDM sets), then it retries", Retryable: true);
            }

            await context.SetFactAsync(LabelFact, offered.Label, cancellationToken);
            context.Logger.LogInformation("Installing {Label} with softwareupdate; this downloads about 1 GB", offered.Label);
            await _tools.InstallAsync(offered.Label, cancellationToken);
            return ApplyResult.Succeeded;
        }
        catch (CommandLineToolsException ex)
        {
            return new ApplyResult.Fail(ex.Message, ex.Retryable);
        }
        finally
        {
            // Even after a failure: the marker must not keep offering the tools to whoever lists updates next.
            _marker.RemoveIfPresent();
        }
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var found = await _tools.ProbeAsync(cancellationToken);
        if (found.Usable)
        {
            context.Logger.LogInformation("Developer tools at {DeveloperDir}: {GitVersion}", found.DeveloperDirPath, found.GitVersion);
            return VerifyResult.Passed;
        }

        var installed = context.Facts.GetValueOrDefault(LabelFact);
        return VerifyResult.Failed(installed is null
            ? found.Problem!
            : $"{found.Problem} after softwareupdate installed \"{installed}\"; see /var/log/install.log");
    }

    private void RemoveStaleMarker(StepContext context)
    {
        // No run of ours is installing now (one instance holds the lock): a marker here was left by a crash.
        if (_marker.RemoveIfPresent())
        {
            context.Logger.LogWarning("Removed {Marker}, left by an install that did not finish", _marker.FilePath);
        }
    }
}
