using RigBootstrap.Age.Tests.TestKit;

namespace RigBootstrap.Age.Tests;

public sealed class PayloadTests : IDisposable
{
    private const int Chunk = 64 * 1024;
    private const int EncryptedChunk = Chunk + 16;
    private readonly X25519Identity _identity = X25519Identity.Generate();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(Chunk - 1, 1)]
    [InlineData(Chunk, 1)]
    [InlineData(Chunk + 1, 2)]
    [InlineData(2 * Chunk, 2)]
    [InlineData((3 * Chunk) + 17, 4)]
    public void A_payload_round_trips_in_the_expected_number_of_chunks(int size, int chunks)
    {
        var plaintext = Messages.Pattern(size);

        var message = Messages.Encrypt(plaintext, _identity.Recipient);
        var (decrypted, error) = Messages.TryDecrypt(message, _identity);

        error.Should().BeNull();
        decrypted.Should().Equal(plaintext);
        (message.Length - Messages.PayloadOffset(message)).Should().Be(size + (16 * chunks));
    }

    [Fact]
    public void A_bad_tag_in_the_third_chunk_names_it_and_releases_only_the_two_authenticated_chunks()
    {
        var plaintext = Messages.Pattern((4 * Chunk) + 5);
        var message = Messages.Encrypt(plaintext, _identity.Recipient);
        message[Messages.PayloadOffset(message) + (2 * EncryptedChunk) + 100] ^= 1;

        var (released, error) = Messages.TryDecrypt(message, _identity);

        error!.Kind.Should().Be(AgeErrorKind.PayloadInvalid);
        error.Message.Should().Contain("bad tag in chunk 3");
        released.Should().Equal(plaintext[..(2 * Chunk)]);
    }

    [Fact]
    public void A_stream_cut_after_a_full_chunk_is_truncated_though_that_authentic_chunk_is_released()
    {
        var plaintext = Messages.Pattern((2 * Chunk) + 10);
        var message = Messages.Encrypt(plaintext, _identity.Recipient);
        var cut = message[..(Messages.PayloadOffset(message) + (2 * EncryptedChunk))];

        var (released, error) = Messages.TryDecrypt(cut, _identity);

        error!.Message.Should().Contain("chunk 2 is not marked last but nothing follows it (the stream is truncated)");
        released.Should().Equal(plaintext[..(2 * Chunk)]);
    }

    [Fact]
    public void A_stream_cut_inside_a_chunk_fails_that_chunk()
    {
        var message = Messages.Encrypt(Messages.Pattern(Chunk + 100), _identity.Recipient);

        var (_, error) = Messages.TryDecrypt(message[..^50], _identity);

        error!.Message.Should().Contain("bad tag in chunk 2");
    }

    [Fact]
    public void Data_after_a_full_final_chunk_is_trailing_data()
    {
        var plaintext = Messages.Pattern(Chunk);
        var message = Messages.Encrypt(plaintext, _identity.Recipient);

        var (released, error) = Messages.TryDecrypt([.. message, 0x41], _identity);

        error!.Message.Should().Contain("chunk 1 is marked last but more data follows it (trailing data)");
        released.Should().Equal(plaintext, "the chunk itself authenticated (as the C2SP kit's stream_trailing_garbage_long expects)");
    }

    [Fact]
    public void Data_after_a_short_final_chunk_breaks_its_tag()
    {
        var message = Messages.Encrypt(Messages.Pattern(10), _identity.Recipient);

        var (_, error) = Messages.TryDecrypt([.. message, 1, 2, 3], _identity);

        error!.Kind.Should().Be(AgeErrorKind.PayloadInvalid);
        error.Message.Should().Contain("bad tag in chunk 1");
    }

    [Fact]
    public void A_payload_with_no_chunk_at_all_is_refused()
    {
        var message = Messages.Encrypt([], _identity.Recipient);

        var (_, error) = Messages.TryDecrypt(message[..Messages.PayloadOffset(message)], _identity);

        error!.Message.Should().Contain("the payload has no chunks");
    }

    [Fact]
    public void A_chunk_shorter_than_a_tag_is_refused_as_truncated()
    {
        var message = Messages.Encrypt([], _identity.Recipient);

        var (_, error) = Messages.TryDecrypt(message[..^4], _identity);

        error!.Message.Should().Contain("chunk 1 is 12 bytes, shorter than its 16-byte tag");
    }

    [Fact]
    public void A_missing_nonce_is_a_header_fault()
    {
        var message = Messages.Encrypt([], _identity.Recipient);

        var (_, error) = Messages.TryDecrypt(message[..(Messages.PayloadOffset(message) - 6)], _identity);

        error!.Kind.Should().Be(AgeErrorKind.HeaderInvalid);
        error.Message.Should().Contain("nonce is 10 of 16 bytes");
    }

    public void Dispose() => _identity.Dispose();
}
