using System.CommandLine;
using RigBootstrap.Age;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `age keygen [-o FILE]`, as `age-keygen`: a new X25519 identity, written to FILE (created exclusively, 0600, never
/// overwritten: exit 73) with `Public key: age1…` on stderr, or to stdout.
/// </summary>
public static class AgeKeygenCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the key to FILE (0600; refuses to overwrite) instead of stdout" };
        var command = new Command("keygen", "Generate an age identity, as age-keygen") { output };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(() =>
        {
            if (parse.GetValue(output) is { } path)
            {
                var recipient = AgeKeyFileCreator.Create(Path.GetFullPath(path), TimeProvider.System);
                Console.Error.WriteLine($"Public key: {recipient}");
                return Task.FromResult(ExitCodes.Ok);
            }

            using var identity = X25519Identity.Generate();
            Console.Out.Write(AgeKeyFile.Format(identity, TimeProvider.System.GetUtcNow()));
            if (Console.IsOutputRedirected)
            {
                // age-keygen does the same: the comment line is not seen when stdout goes to a file or a pipe.
                Console.Error.WriteLine($"Public key: {identity.Recipient}");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
