using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Secrets;

/// <summary><see cref="IAgeEncryptor"/> over the real `age -e -r RECIPIENT -a`, resolved from the tool table.</summary>
public sealed class AgeToolEncryptor : IAgeEncryptor
{
    private const string ArmorHeader = "-----BEGIN AGE ENCRYPTED FILE-----";
    private const string ArmorFooter = "-----END AGE ENCRYPTED FILE-----";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;

    public AgeToolEncryptor(IProcessRunner runner, ToolTable tools)
    {
        _runner = runner;
        _tools = tools;
    }

    /// <summary>Throws <see cref="AgeException"/> (Failed) when age refuses the recipient, fails or prints no armour.</summary>
    public async Task<string> EncryptAsync(ReadOnlyMemory<byte> plaintext, string recipient, CancellationToken cancellationToken)
    {
        var spec = new CommandSpec
        {
            FileName = _tools.PathOf(ToolNames.Age),
            Arguments = ["-e", "-r", recipient, "-a"],
            // Raw bytes, not text: a data key is not UTF-8, and stdin keeps it out of argv and the process table.
            StandardInput = StandardInput.FromBytes(plaintext.ToArray()),
            Timeout = ToolTimeout,
            AllowedExitCodes = [],
        };
        var result = await _runner.RunAsync(spec, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (result.TimedOut)
        {
            throw new AgeException(AgeErrorKind.Failed, $"age -e did not finish within {ToolTimeout.TotalSeconds:0} s and was stopped");
        }

        if (result.ExitCode != 0)
        {
            var (_, reason) = AgeOutputParser.ClassifyError(result.StderrTail);
            throw new AgeException(AgeErrorKind.Failed, $"age -e -r {recipient} failed (exit {result.ExitCode}): {reason}; check that the recipient is an age1… public key");
        }

        // A cut tail would be a damaged message that only fails later, on the host that tries to open it.
        var armored = result.StdoutTail;
        if (result.StdoutTruncated || !armored.StartsWith(ArmorHeader, StringComparison.Ordinal) || !armored.TrimEnd().EndsWith(ArmorFooter, StringComparison.Ordinal))
        {
            throw new AgeException(AgeErrorKind.Failed, $"age -e -r {recipient} printed no complete armoured message ({armored.Length} chars)");
        }

        return armored.EndsWith('\n') ? armored : armored + "\n";
    }
}
