using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The host's age key (docs/design.md §4): generated once in process, as `age-keygen -o` writes it, 0600, owned by the agent user, and never
/// regenerated (docs/invariants.md I2) — the fleet's secrets are encrypted to it. Its recipient is kept as the fact `recipient`.
/// </summary>
public sealed class AgeKeyStep : IStep
{
    /// <summary>The fact holding the public recipient (`age1…`) operators register; not secret.</summary>
    public const string RecipientFact = "recipient";

    private readonly AgeKeyConfig _config;
    private readonly string _agentUser;
    private readonly string _keyPath;
    private readonly IAge _age;
    private readonly IFileOwnership _ownership;

    public AgeKeyStep(AgeKeyConfig config, string agentUser, HostPaths paths, IAge age, IFileOwnership ownership)
    {
        _config = config;
        _agentUser = agentUser;
        _keyPath = paths.Resolve(config.Path);
        _age = age;
        _ownership = ownership;
        Traits = new StepTraits { Description = $"age key at {config.Path} (made once, never replaced)", MaxAttempts = 3 };
    }

    public string Id => BuiltInStepIds.AgeKey;

    public ImmutableArray<string> DependsOn => [];

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (!SecretFile.IsPrivate(_keyPath))
        {
            return false;
        }

        try
        {
            await RecordAsync(context, await _age.ReadRecipientAsync(_keyPath, cancellationToken), cancellationToken);
            return true;
        }
        catch (AgeException ex) when (ex.Kind is AgeErrorKind.KeyFileUnreadable or AgeErrorKind.KeyFileMissing)
        {
            // Apply says what to do about it; a probe only answers "in place or not".
            return false;
        }
    }

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (Path.Exists(_keyPath))
        {
            return await AdoptExistingAsync(context, cancellationToken);
        }

        PrivateDirectories.CreateParentsOf(_keyPath, _agentUser, _ownership);
        string recipient;
        try
        {
            recipient = await _age.GenerateKeyAsync(_keyPath, cancellationToken);
        }
        catch (AgeException ex) when (ex.Kind is AgeErrorKind.KeyFileExists)
        {
            // Someone wrote the key between our check and our exclusive link: it is the key now.
            return await AdoptExistingAsync(context, cancellationToken);
        }

        MakePrivate();
        context.Logger.LogInformation("Generated the host's age key {KeyPath}; its recipient {Recipient} must be added to the SOPS file", _config.Path, recipient);
        await RecordAsync(context, recipient, cancellationToken);
        return ApplyResult.Succeeded;
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (!SecretFile.IsPrivate(_keyPath))
        {
            return VerifyResult.Failed($"{_config.Path} is missing, a symlink, or readable by others than its owner");
        }

        var recipient = await _age.ReadRecipientAsync(_keyPath, cancellationToken);
        return context.Facts.GetValueOrDefault(RecipientFact) == recipient
            ? VerifyResult.Passed
            : VerifyResult.Failed($"{_config.Path} reads as {recipient}, not the recorded recipient");
    }

    // An existing key is kept whatever happens (docs/invariants.md I2): fix its mode and owner, or halt if it is not a key.
    private async Task<ApplyResult> AdoptExistingAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (new FileInfo(_keyPath).LinkTarget is not null || Directory.Exists(_keyPath))
        {
            return new ApplyResult.Fail(
                $"{_config.Path} is a symlink or a directory, not a key file; it is never replaced (docs/invariants.md I2): move it away yourself, then run `rig-bootstrap retry age-key`",
                Retryable: false);
        }

        string recipient;
        try
        {
            recipient = await _age.ReadRecipientAsync(_keyPath, cancellationToken);
        }
        catch (AgeException ex) when (ex.Kind is AgeErrorKind.KeyFileUnreadable)
        {
            return new ApplyResult.Fail(
                $"{_config.Path} exists but is not a readable age key ({ex.Message}). It is never replaced (docs/invariants.md I2), because the fleet's secrets "
                + "may be encrypted to it: restore it from a backup, or if no secret was ever encrypted to this host, move it away yourself and "
                + "run `rig-bootstrap retry age-key`",
                Retryable: false);
        }

        MakePrivate();
        context.Logger.LogInformation("Kept the existing age key {KeyPath} (recipient {Recipient})", _config.Path, recipient);
        await RecordAsync(context, recipient, cancellationToken);
        return ApplyResult.Succeeded;
    }

    private void MakePrivate()
    {
        File.SetUnixFileMode(_keyPath, SecretFile.PrivateMode);
        _ownership.GiveToUser(_keyPath, _agentUser);
    }

    private static async Task RecordAsync(StepContext context, string recipient, CancellationToken cancellationToken)
    {
        if (context.Facts.GetValueOrDefault(RecipientFact) != recipient)
        {
            await context.SetFactAsync(RecipientFact, recipient, cancellationToken);
        }
    }
}
