using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Decrypts the fleet's SOPS file with the host's age key into a 0600 dotenv file (docs/design.md §4). Until an operator
/// adds this host's recipient to the file, the step waits, backing off, across reboots. Decrypted values stay in
/// memory and in the env file: never in the state, the journal or the logs (docs/invariants.md I6).
/// </summary>
public sealed class SecretsStep : IStep
{
    /// <summary>How many times the step found the host not yet a recipient; drives the back-off across reboots.</summary>
    public const string RecipientChecksFact = "recipientChecks";

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(30);

    private readonly SecretsConfig _config;
    private readonly string _agentUser;
    private readonly string _sourcePath;
    private readonly string _envFilePath;
    private readonly string _keyPath;
    private readonly IAge _age;
    private readonly SopsFileDecryptor _decryptor;
    private readonly IFileOwnership _ownership;

    public SecretsStep(SecretsConfig config, AgeKeyConfig ageKey, string agentUser, HostPaths paths, IAge age, IFileOwnership ownership)
    {
        _config = config;
        _agentUser = agentUser;
        _sourcePath = paths.Resolve(config.Source);
        _envFilePath = paths.Resolve(config.EnvFile);
        _keyPath = paths.Resolve(ageKey.Path);
        _age = age;
        _decryptor = new SopsFileDecryptor(age);
        _ownership = ownership;
        Values = new EnvFileSecretValues(_envFilePath);
        Traits = new StepTraits { Description = $"decrypt {config.Source} into {config.EnvFile}", MaxAttempts = 3 };
    }

    public string Id => BuiltInStepIds.Secrets;

    public ImmutableArray<string> DependsOn => [BuiltInStepIds.AgeKey];

    public StepTraits Traits { get; }

    /// <summary>The decrypted values by env name, for the keychain and autologin steps (read from the env file).</summary>
    public ISecretValues Values { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        await EnvFileIsCurrentAsync(cancellationToken) is null;

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var recipient = await _age.ReadRecipientAsync(_keyPath, cancellationToken);
        SopsPlaintext plaintext;
        try
        {
            plaintext = await _decryptor.DecryptAsync(_sourcePath, _keyPath, recipient, cancellationToken);
        }
        catch (SopsException ex) when (ex.Kind == SopsErrorKind.NotARecipient)
        {
            return await WaitForRecipientAsync(context, recipient, cancellationToken);
        }
        catch (SopsException ex)
        {
            context.Logger.LogError("Secrets: {SopsFile} was refused ({Kind}): {Problem}", _config.Source, ex.Kind, ex.Problem);
            return new ApplyResult.Fail($"{ex.Kind.ToString().ToLowerInvariant()} SOPS file: {ex.Message}", Retryable: false);
        }

        PrivateDirectories.CreateParentsOf(_envFilePath, _agentUser, _ownership);
        SecretFile.WriteAtomically(_envFilePath, EnvFileFormat.Render(plaintext.Values));
        _ownership.GiveToUser(_envFilePath, _agentUser);
        if (context.Facts.ContainsKey(RecipientChecksFact))
        {
            await context.SetFactAsync(RecipientChecksFact, null, cancellationToken);
        }

        context.Logger.LogInformation("Secrets: wrote {Count} values from {SopsFile} to {EnvFile} (0600)", plaintext.Values.Length, _config.Source, _config.EnvFile);
        return ApplyResult.Succeeded;
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken) =>
        await EnvFileIsCurrentAsync(cancellationToken) is { } problem ? VerifyResult.Failed(problem) : VerifyResult.Passed;

    // Null when the env file is private and holds exactly what the SOPS file decrypts to now; else why not.
    private async Task<string?> EnvFileIsCurrentAsync(CancellationToken cancellationToken)
    {
        if (!SecretFile.IsPrivate(_envFilePath))
        {
            return $"{_config.EnvFile} is missing, a symlink, or readable by others than its owner";
        }

        try
        {
            var recipient = await _age.ReadRecipientAsync(_keyPath, cancellationToken);
            var plaintext = await _decryptor.DecryptAsync(_sourcePath, _keyPath, recipient, cancellationToken);
            var written = await File.ReadAllTextAsync(_envFilePath, cancellationToken);
            return written == EnvFileFormat.Render(plaintext.Values) ? null : $"{_config.EnvFile} differs from what {_config.Source} decrypts to";
        }
        catch (SopsException ex)
        {
            return ex.Message;
        }
    }

    private async Task<ApplyResult> WaitForRecipientAsync(StepContext context, string recipient, CancellationToken cancellationToken)
    {
        var checks = int.TryParse(context.Facts.GetValueOrDefault(RecipientChecksFact), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // 30 s, 1 min, 2 min, … up to 30 min: an operator registers a recipient in minutes or hours, not seconds.
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << Math.Min(checks, 16), LongestWait.Ticks));
        await context.SetFactAsync(RecipientChecksFact, (checks + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
        context.Logger.LogInformation("Secrets: {Recipient} is not a recipient of {SopsFile} yet; checking again in {Wait}", recipient, _config.Source, wait);
        return new ApplyResult.WaitUntil($"recipient not registered: {recipient}", wait);
    }
}
