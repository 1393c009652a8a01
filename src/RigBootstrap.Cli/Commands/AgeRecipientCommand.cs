using System.CommandLine;
using RigBootstrap.Age;

namespace RigBootstrap.Cli.Commands;

/// <summary>`age recipient [FILE]`, as `age-keygen -y`: the recipient of each identity in FILE (stdin when omitted or `-`), one per line.</summary>
public static class AgeRecipientCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "The identity file (default: stdin)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("recipient", "Print the recipient of each identity in an identity file, as age-keygen -y") { file };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(() =>
        {
            var path = parse.GetValue(file);
            using var identities = path is null or "-"
                ? IdentityFile.Parse(Console.In.ReadToEnd(), "standard input")
                : IdentityFile.Read(Path.GetFullPath(path));
            foreach (var identity in identities.Identities)
            {
                Console.Out.Write($"{identity.Recipient}\n");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
