namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>Encrypted test files made with the real `age`, and byte surgery on their STREAM payload.</summary>
public static class AgeFiles
{
    public const int Chunk = 64 * 1024;
    public const int EncryptedChunk = Chunk + 16;

    /// <summary>Plaintext that is printable ASCII, so it can be compared with what a test reads from stdout.</summary>
    public static byte[] Text(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)('a' + (i % 26)))];

    public static async Task<byte[]> EncryptAsync(string recipient, byte[] plaintext, bool armor, string scratchDirPath)
    {
        var inPath = Path.Join(scratchDirPath, "plain-" + Guid.NewGuid().ToString("N"));
        var outPath = inPath + ".age";
        await File.WriteAllBytesAsync(inPath, plaintext);
        using var age = ChildProcess.Start(ToolPath.Require("age", "age"),
            armor ? ["-e", "-a", "-r", recipient, "-o", outPath, inPath] : ["-e", "-r", recipient, "-o", outPath, inPath],
            new Dictionary<string, string?>());
        var result = await age.WaitAsync(TimeSpan.FromSeconds(60));
        result.ExitCode.Should().Be(0, result.Describe());
        var bytes = await File.ReadAllBytesAsync(outPath);
        File.Delete(inPath);
        File.Delete(outPath);
        return bytes;
    }

    /// <summary>Where the payload starts in a binary age file: after the MAC line and the 16-byte nonce.</summary>
    public static int PayloadOffset(byte[] message)
    {
        var mac = message.AsSpan().IndexOf("\n--- "u8);
        return mac + 1 + message.AsSpan(mac + 1).IndexOf((byte)'\n') + 1 + 16;
    }
}
