using System.Text;
using RigBootstrap.Age.Tests.TestKit;

namespace RigBootstrap.Age.Tests;

/// <summary>Interop with the real `age` 1.1.x both ways: its files open here, ours open there, and the keys agree.</summary>
public sealed class RealAgeInteropTests : IDisposable
{
    private const int Chunk = 64 * 1024;
    private readonly TempDir _dir = new();
    private readonly X25519Identity _ours = X25519Identity.Generate();

    [RealAgeFact]
    public void Age_keygen_y_reads_our_key_file_and_prints_our_recipient()
    {
        var keyPath = _dir.File("key.txt");
        File.WriteAllText(keyPath, AgeKeyFile.Format(_ours, DateTimeOffset.UnixEpoch));

        var (exitCode, stdout, stderr) = RealAge.Run(RealAge.AgeKeygenPath!, ["-y", keyPath]);

        exitCode.Should().Be(0, stderr);
        Encoding.ASCII.GetString(stdout).Should().Be($"{_ours.Recipient}\n");
    }

    [RealAgeFact]
    public void A_key_made_by_age_keygen_reads_here_with_the_recipient_it_printed()
    {
        var keyPath = _dir.File("theirs.txt");
        var (exitCode, _, stderr) = RealAge.Run(RealAge.AgeKeygenPath!, ["-o", keyPath]);
        exitCode.Should().Be(0, stderr);

        using var file = IdentityFile.Read(keyPath);

        stderr.Should().Contain($"Public key: {file.Identities.Single().Recipient}");
        File.ReadAllText(keyPath).Should().Contain($"# public key: {file.Identities.Single().Recipient}\n");
    }

    [RealAgeTheory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(Chunk, false)]
    [InlineData(Chunk + 1, false)]
    [InlineData((3 * Chunk) + 100, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(Chunk, true)]
    [InlineData(Chunk + 1, true)]
    [InlineData((3 * Chunk) + 100, true)]
    public void What_age_encrypts_to_our_recipient_decrypts_here(int size, bool armor)
    {
        var plaintext = Messages.Pattern(size);
        string[] arguments = armor ? ["-e", "-a", "-r", _ours.Recipient.ToString()] : ["-e", "-r", _ours.Recipient.ToString()];

        var (exitCode, message, stderr) = RealAge.Run(RealAge.AgePath!, arguments, plaintext);
        var (decrypted, error) = Messages.TryDecrypt(message, _ours);

        exitCode.Should().Be(0, stderr);
        Encoding.ASCII.GetString(message, 0, Math.Min(10, message.Length)).Should().StartWith(armor ? "-----BEGIN" : "age-encr");
        error.Should().BeNull();
        decrypted.Should().Equal(plaintext);
    }

    [RealAgeFact]
    public void A_recipients_file_with_several_recipients_given_to_age_R_opens_with_each_identity()
    {
        using var other = X25519Identity.Generate();
        var recipientsPath = _dir.File("recipients.txt");
        File.WriteAllText(recipientsPath, $"# fleet\n{other.Recipient}\n\n{_ours.Recipient}\n");
        var plaintext = Messages.Pattern(Chunk + 7);

        var (exitCode, message, stderr) = RealAge.Run(RealAge.AgePath!, ["-e", "-R", recipientsPath], plaintext);

        exitCode.Should().Be(0, stderr);
        Messages.TryDecrypt(message, _ours).Plaintext.Should().Equal(plaintext);
        Messages.TryDecrypt(message, other).Plaintext.Should().Equal(plaintext);
    }

    [RealAgeFact]
    public void An_identity_file_with_several_identities_opens_what_age_encrypted_to_the_second()
    {
        using var first = X25519Identity.Generate();
        var text = $"# first\n{first.Encode()}\n\n# ours\n{_ours.Encode()}\n";
        var (exitCode, message, stderr) = RealAge.Run(RealAge.AgePath!, ["-e", "-a", "-r", _ours.Recipient.ToString()], "several"u8.ToArray());
        exitCode.Should().Be(0, stderr);

        using var file = IdentityFile.Parse(text, "identities.txt");
        var (decrypted, error) = Messages.TryDecrypt(message, [.. file.Identities]);

        error.Should().BeNull();
        decrypted.Should().Equal("several"u8.ToArray());
    }

    [RealAgeTheory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(Chunk, false)]
    [InlineData(Chunk + 1, true)]
    [InlineData((3 * Chunk) + 100, false)]
    [InlineData((3 * Chunk) + 100, true)]
    public void What_we_encrypt_to_several_recipients_age_d_decrypts_with_an_identity_file_of_several_keys(int size, bool armor)
    {
        using var other = X25519Identity.Generate();
        using var unrelated = X25519Identity.Generate();
        var plaintext = Messages.Pattern(size);
        using var output = new MemoryStream();
        AgeEncryptor.Encrypt(new MemoryStream(plaintext), [other.Recipient, _ours.Recipient], output, armor);
        var identityPath = _dir.File("identities.txt");
        File.WriteAllText(identityPath, $"# unrelated\n{unrelated.Encode()}\n{AgeKeyFile.Format(_ours, DateTimeOffset.UnixEpoch)}");

        var (exitCode, decrypted, stderr) = RealAge.Run(RealAge.AgePath!, ["-d", "-i", identityPath], output.ToArray());

        exitCode.Should().Be(0, stderr);
        decrypted.Should().Equal(plaintext);
    }

    public void Dispose()
    {
        _ours.Dispose();
        _dir.Dispose();
    }
}
