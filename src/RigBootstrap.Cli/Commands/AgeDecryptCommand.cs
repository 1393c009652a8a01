using System.CommandLine;
using RigBootstrap.Age;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `age decrypt -i IDENTITY [-o OUT] [IN]`, as `age -d`, armored or binary input, but atomic: OUT (or stdout) gets
/// plaintext only after the whole stream authenticated; on any failure nothing is left and the exit is non-zero
/// (65 bad data, 66 a missing input or identity, 73 OUT cannot be created).
/// </summary>
public static class AgeDecryptCommand
{
    public static Command Create()
    {
        var identity = new Option<string[]>("--identity", "-i") { Description = "An identity file (repeatable)", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Write the plaintext to OUT (default: stdout), only once it authenticated" };
        var input = new Argument<string?>("IN") { Description = "The age file, armored or binary (default: stdin)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("decrypt", "Decrypt an age file with identity files; nothing is written unless it all authenticates") { identity, output, input };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(() =>
        {
            var inPath = parse.GetValue(input) is { } given and not "-" ? Path.GetFullPath(given) : null;
            if (inPath is not null && !File.Exists(inPath))
            {
                Console.Error.WriteLine($"rig-bootstrap: the input {inPath} does not exist; name an age file or pipe one in (exit {ExitCodes.NoInput})");
                return Task.FromResult(ExitCodes.NoInput);
            }

            var files = new List<IdentityFile>();
            try
            {
                foreach (var identityPath in parse.GetValue(identity)!)
                {
                    files.Add(IdentityFile.Read(Path.GetFullPath(identityPath)));
                }

                using var source = inPath is null ? Console.OpenStandardInput() : File.OpenRead(inPath);
                var identities = files.SelectMany(f => f.Identities).ToList();
                if (parse.GetValue(output) is { } outPath)
                {
                    AtomicAgeDecryption.ToFile(source, identities, outPath);
                }
                else
                {
                    using var stdout = Console.OpenStandardOutput();
                    AtomicAgeDecryption.ToStream(source, identities, stdout);
                }

                return Task.FromResult(ExitCodes.Ok);
            }
            finally
            {
                files.ForEach(f => f.Dispose());
            }
        }));
        return command;
    }
}
