using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="IAge"/> over the real `age` and `age-keygen` (the same on macOS and Linux), resolved from the tool table.
/// Nothing secret goes into argv: the armoured data key goes in on stdin, and the decrypted key comes back
/// through a file in a private (0700) temporary directory, because the process runner decodes stdout as text.
/// </summary>
public sealed class AgeTool : IAge
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;

    public AgeTool(IProcessRunner runner, ToolTable tools)
    {
        _runner = runner;
        _tools = tools;
    }

    public async Task<string> GenerateKeyAsync(string keyPath, CancellationToken cancellationToken)
    {
        var result = await RunAsync(ToolNames.AgeKeygen, ["-o", keyPath], StandardInput.None, cancellationToken);
        if (result.ExitCode != 0)
        {
            var (kind, reason) = AgeOutputParser.ClassifyError(result.StderrTail);
            throw kind == AgeErrorKind.KeyFileExists
                ? new AgeException(kind, $"age-keygen refused to write {keyPath}: it exists, and a key is never overwritten ({reason})")
                : new AgeException(AgeErrorKind.Failed, $"age-keygen could not write {keyPath}: {reason}");
        }

        return AgeOutputParser.ParsePublicKeyLine(result.StderrTail)
            ?? throw new AgeException(AgeErrorKind.Failed,
                $"age-keygen wrote {keyPath} but printed no `Public key: age1…` line; read the recipient with `age-keygen -y {keyPath}`");
    }

    public async Task<string> ReadRecipientAsync(string keyPath, CancellationToken cancellationToken)
    {
        var result = await RunAsync(ToolNames.AgeKeygen, ["-y", keyPath], StandardInput.None, cancellationToken);
        if (result.ExitCode != 0)
        {
            var (kind, reason) = AgeOutputParser.ClassifyError(result.StderrTail);
            throw kind switch
            {
                AgeErrorKind.KeyFileMissing => new AgeException(kind, $"the age key {keyPath} does not exist"),
                AgeErrorKind.KeyFileUnreadable => new AgeException(kind, $"the age key {keyPath} holds no identity age-keygen can read: {reason}"),
                _ => new AgeException(AgeErrorKind.Failed, $"age-keygen -y {keyPath} failed: {reason}"),
            };
        }

        var recipients = AgeOutputParser.ParseRecipients(result.StdoutTail);
        return recipients.IsEmpty
            ? throw new AgeException(AgeErrorKind.KeyFileUnreadable, $"age-keygen -y {keyPath} printed no recipient; the key file holds no usable identity")
            : recipients[0];
    }

    public async Task<byte[]> DecryptAsync(string armoredText, string identityPath, CancellationToken cancellationToken)
    {
        // CreateTempSubdirectory makes the directory 0700, so only we can read the key while it sits there.
        var scratch = Directory.CreateTempSubdirectory("rig-age-");
        try
        {
            var outputPath = Path.Join(scratch.FullName, "out");
            var result = await RunAsync(ToolNames.Age, ["-d", "-i", identityPath, "-o", outputPath],
                StandardInput.FromText(armoredText), cancellationToken);
            if (result.ExitCode != 0)
            {
                var (kind, reason) = AgeOutputParser.ClassifyError(result.StderrTail);
                throw kind switch
                {
                    AgeErrorKind.NoIdentityMatched => new AgeException(kind, $"the identity in {identityPath} is not a recipient of this message"),
                    AgeErrorKind.KeyFileMissing => new AgeException(kind, $"the age key {identityPath} does not exist"),
                    AgeErrorKind.KeyFileUnreadable => new AgeException(kind, $"the age key {identityPath} holds no identity age can read: {reason}"),
                    AgeErrorKind.BadInput => new AgeException(kind, $"the input is not an age message: {reason}"),
                    _ => new AgeException(AgeErrorKind.Failed, $"age -d failed: {reason}"),
                };
            }

            return await File.ReadAllBytesAsync(outputPath, cancellationToken);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private Task<ProcessResult> RunAsync(string tool, string[] arguments, StandardInput input, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(_runner, ToolCall.Spec(_tools, tool, [.. arguments], ToolTimeout) with { StandardInput = input },
            _ => new AgeException(AgeErrorKind.Failed, $"{tool} did not finish within {ToolTimeout.TotalSeconds:0} s and was stopped"), cancellationToken);
}
