using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `check-secrets`: decrypts a SOPS file with an age identity the way the `secrets` step does and names the values it
/// holds — never the values. Exit 0 when it opens; 65 when it is tampered or malformed (naming the file); 75 when the
/// identity is not a recipient yet. Defaults: the installed config's `secrets.source` and `ageKey.path`.
/// </summary>
public static class CheckSecretsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Option<string?>("--file") { Description = "The SOPS file (default: steps.secrets.source of the installed config)" };
        var identity = new Option<string?>("--identity") { Description = "The age identity file (default: steps.ageKey.path of the installed config)" };
        var command = new Command("check-secrets", "Check that a SOPS file decrypts with an age key, without showing a value") { file, identity };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            var config = HostServicesFactory.InstalledConfig(paths);
            var filePath = parse.GetValue(file) is { } given ? Path.GetFullPath(given)
                : config?.Steps.Secrets?.Source is { } source ? paths.Resolve(source) : null;
            var identityPath = parse.GetValue(identity) is { } key ? Path.GetFullPath(key)
                : config?.Steps.AgeKey?.Path is { } keyPath ? paths.Resolve(keyPath) : null;
            if (filePath is null || identityPath is null)
            {
                Console.Error.WriteLine($"rig-bootstrap: name the SOPS file with --file and the age key with --identity (no installed config says them) (exit {ExitCodes.Usage})");
                return ExitCodes.Usage;
            }

            var plaintext = await new SopsFileDecryptor(new InProcessAge(TimeProvider.System))
                .DecryptAsync(filePath, identityPath, hostRecipient: null, cancellationToken);
            Console.WriteLine($"{filePath}: decrypts with {identityPath}; MAC verified; {plaintext.Values.Length} values: {string.Join(", ", plaintext.Values.Select(v => v.Name))}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
