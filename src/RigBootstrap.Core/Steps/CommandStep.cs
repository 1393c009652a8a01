using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// A generic step from the config's `commands` (docs/design.md §8): `check` is the probe and the verify, `run` the apply.
/// Without a `check` the command is at-least-once: a crash during it runs it again on resume.
/// </summary>
public sealed class CommandStep : IStep
{
    private readonly CommandStepConfig _config;
    private readonly CommandEnvironment _environment;
    private readonly IProcessRunner _runner;

    public CommandStep(CommandStepConfig config, CommandEnvironment environment, IProcessRunner runner)
    {
        _config = config;
        _environment = environment;
        _runner = runner;
        Traits = new StepTraits
        {
            Description = $"command: {string.Join(' ', config.Run)}" + (config.RequiresReboot ? " (then reboot)" : ""),
            MaxAttempts = config.Retry.Attempts,
            RetryBackoff = config.Retry.Backoff,
            MayNeedReboot = config.RequiresReboot,
        };
    }

    public string Id => _config.Id;

    public ImmutableArray<string> DependsOn => _config.DependsOn;

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        !_config.Check.IsDefaultOrEmpty && await CheckPassesAsync(context, cancellationToken);

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(Spec(_config.Run, context) with { AllowedExitCodes = [] }, cancellationToken);
        if (result.TimedOut)
        {
            return new ApplyResult.Fail($"`{_config.Run[0]}` timed out after {_config.Timeout} and was stopped", Retryable: true);
        }

        if (result.ExitCode != 0)
        {
            var tail = LastLine(result.StderrTail) ?? LastLine(result.StdoutTail) ?? "no output";
            return new ApplyResult.Fail($"`{_config.Run[0]}` exited {result.ExitCode}: {tail}", Retryable: true);
        }

        return _config.RequiresReboot
            ? new ApplyResult.NeedsReboot($"command {Id} takes effect after a reboot (requiresReboot)")
            : ApplyResult.Succeeded;
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (_config.Check.IsDefaultOrEmpty)
        {
            return VerifyResult.Passed;
        }

        return await CheckPassesAsync(context, cancellationToken)
            ? VerifyResult.Passed
            : VerifyResult.Failed($"the check `{string.Join(' ', _config.Check)}` still fails");
    }

    private async Task<bool> CheckPassesAsync(StepContext context, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(Spec(_config.Check, context) with { AllowedExitCodes = [] }, cancellationToken);
        return !result.TimedOut && result.ExitCode == 0;
    }

    private CommandSpec Spec(ImmutableArray<string> argv, StepContext context) => new()
    {
        FileName = argv[0],
        Arguments = argv.RemoveAt(0),
        Environment = _environment.For(Id, _config.AsUser),
        Timeout = _config.Timeout,
        UserName = _config.AsUser ? _environment.AgentUserOnRealHost : null,
        WorkingDirPath = _environment.WorkingDirPath,
        OutputSink = new LoggerOutputSink(context.Logger, Id),
    };

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
