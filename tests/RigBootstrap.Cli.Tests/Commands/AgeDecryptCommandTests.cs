using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>
/// `age decrypt` through the published binary on files the real age made: it decrypts them, and on a damaged stream
/// it leaves no plaintext anywhere (the real age 1.1.1 leaves the chunks before the damage) and exits 65.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class AgeDecryptCommandTests(PublishedBinary binary) : IDisposable
{
    private const int Chunk = AgeFiles.Chunk;
    private readonly RigBootstrapCli _cli = new(binary.FilePath);
    private readonly TempHost _host = new();

    private static readonly string[] Damages = ["bad tag in chunk 3", "truncated after chunk 2", "trailing data"];

    [RealAgeFact]
    public async Task Armored_and_binary_files_from_age_decrypt_to_out_and_to_stdout()
    {
        var (keyPath, recipient) = await KeyAsync();
        var plaintext = AgeFiles.Text((2 * Chunk) + 3);
        foreach (var armor in new[] { false, true })
        {
            var input = Write($"in-{armor}.age", await AgeFiles.EncryptAsync(recipient, plaintext, armor, _host.DirPath));
            var outPath = Path.Join(_host.DirPath, $"out-{armor}.txt");

            var toFile = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, "-o", outPath, input]);
            var toStdout = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, input]);

            toFile.ExitCode.Should().Be(0, toFile.Describe());
            File.ReadAllBytes(outPath).Should().Equal(plaintext);
            File.GetUnixFileMode(outPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            toStdout.ExitCode.Should().Be(0, toStdout.Describe());
            toStdout.Stdout.Should().Be(System.Text.Encoding.ASCII.GetString(plaintext));
        }
    }

    [RealAgeFact]
    public async Task Stdin_is_read_when_no_input_is_named()
    {
        var (keyPath, recipient) = await KeyAsync();
        var input = Write("in.age", await AgeFiles.EncryptAsync(recipient, AgeFiles.Text(10), armor: true, _host.DirPath));

        using var shell = ChildProcess.Start("/bin/sh", ["-c", "exec \"$0\" age decrypt -i \"$1\" < \"$2\"", binary.FilePath, keyPath, input],
            new Dictionary<string, string?>());
        var result = await shell.WaitAsync(TimeSpan.FromSeconds(60));

        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().Be("abcdefghij");
    }

    [RealAgeFact]
    public async Task Every_damaged_stream_exits_65_with_no_out_file_no_temporary_file_and_nothing_on_stdout()
    {
        var (keyPath, recipient) = await KeyAsync();
        var good = await AgeFiles.EncryptAsync(recipient, AgeFiles.Text((4 * Chunk) + 10), armor: false, _host.DirPath);
        foreach (var damage in Damages)
        {
            var input = Write("damaged.age", Damage(good, damage));
            var outDirPath = Directory.CreateDirectory(Path.Join(_host.DirPath, "out-" + Guid.NewGuid().ToString("N"))).FullName;
            var outPath = Path.Join(outDirPath, "plain.txt");

            var toFile = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, "-o", outPath, input]);
            var toStdout = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, input]);

            toFile.ExitCode.Should().Be(65, $"{damage}: {toFile.Describe()}");
            toFile.Stderr.Should().Contain("age payload:");
            Directory.GetFileSystemEntries(outDirPath).Should().BeEmpty($"{damage}: no plaintext and no temporary file is left");
            toStdout.ExitCode.Should().Be(65, toStdout.Describe());
            toStdout.Stdout.Should().BeEmpty($"{damage}: nothing reaches stdout before the whole stream authenticated");
        }
    }

    [RealAgeFact]
    public async Task A_bad_tag_in_the_third_chunk_keeps_an_existing_out_file_as_it_was()
    {
        var (keyPath, recipient) = await KeyAsync();
        var good = await AgeFiles.EncryptAsync(recipient, AgeFiles.Text((4 * Chunk) + 10), armor: false, _host.DirPath);
        var input = Write("damaged.age", Damage(good, "bad tag in chunk 3"));
        var outPath = Write("existing.txt", "previous contents"u8.ToArray());

        var result = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, "-o", outPath, input]);

        result.ExitCode.Should().Be(65, result.Describe());
        result.Stderr.Should().Contain("bad tag in chunk 3");
        File.ReadAllText(outPath).Should().Be("previous contents");
    }

    [Fact]
    public async Task A_missing_input_exits_66_no_identity_64_and_an_out_in_a_missing_directory_73()
    {
        var (keyPath, _) = await KeyAsync();
        var input = Write("empty.age", []);

        var missingInput = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, Path.Join(_host.DirPath, "nothing.age")]);
        var noIdentity = await _cli.RunAsync(["age", "decrypt", input]);
        var missingIdentity = await _cli.RunAsync(["age", "decrypt", "-i", Path.Join(_host.DirPath, "nokey.txt"), input]);
        var badOut = await _cli.RunAsync(["age", "decrypt", "-i", keyPath, "-o", Path.Join(_host.DirPath, "no", "such", "dir", "out"), input]);

        missingInput.ExitCode.Should().Be(66, missingInput.Describe());
        noIdentity.ExitCode.Should().Be(64, noIdentity.Describe());
        missingIdentity.ExitCode.Should().Be(66, missingIdentity.Describe());
        badOut.ExitCode.Should().Be(73, badOut.Describe());
    }

    public void Dispose() => _host.Dispose();

    private static byte[] Damage(byte[] good, string damage)
    {
        var payload = AgeFiles.PayloadOffset(good);
        switch (damage)
        {
            case "bad tag in chunk 3":
                var copy = good.ToArray();
                copy[payload + (2 * AgeFiles.EncryptedChunk) + AgeFiles.Chunk + 3] ^= 0x01;
                return copy;
            case "truncated after chunk 2":
                return good[..(payload + (2 * AgeFiles.EncryptedChunk))];
            default:
                return [.. good, .. "trailing"u8.ToArray()];
        }
    }

    private async Task<(string KeyPath, string Recipient)> KeyAsync()
    {
        var keyPath = Path.Join(_host.DirPath, "key-" + Guid.NewGuid().ToString("N") + ".txt");
        var result = await _cli.RunAsync(["age", "keygen", "-o", keyPath]);
        result.ExitCode.Should().Be(0, result.Describe());
        return (keyPath, result.Stderr.Trim()["Public key: ".Length..]);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Join(_host.DirPath, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
