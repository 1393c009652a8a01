using System.Security.Cryptography;

namespace RigBootstrap.Age;

/// <summary>
/// Decrypts a STREAM payload (age-encryption.org/v1, "Payload"): 64 KiB chunks, each with its own tag, the last one
/// flagged. Each chunk is written to the output only after its tag verified; a failure names the chunk (counted from 1).
/// </summary>
internal static class PayloadDecryptor
{
    private const int EncryptedChunkSize = ChunkNonce.ChunkSize + AgeKdf.TagSize;

    public static void Decrypt(Stream input, byte[] payloadKey, Stream output)
    {
        var buffer = new byte[EncryptedChunkSize];
        var plaintext = new byte[ChunkNonce.ChunkSize];
        var carried = -1;
        try
        {
            for (ulong counter = 0; ; counter++)
            {
                var chunk = counter + 1;
                var length = 0;
                if (carried >= 0)
                {
                    buffer[0] = (byte)carried;
                    length = 1;
                }

                length += input.ReadAtLeast(buffer.AsSpan(length), EncryptedChunkSize - length, throwOnEndOfStream: false);
                carried = length == EncryptedChunkSize ? input.ReadByte() : -1;
                var last = carried < 0;
                if (length == 0 && counter == 0)
                {
                    throw Invalid("the payload has no chunks; even an empty file has one final chunk (the stream is truncated)");
                }

                if (length < AgeKdf.TagSize)
                {
                    throw Invalid($"chunk {chunk} is {length} bytes, shorter than its 16-byte tag (the stream is truncated)");
                }

                var ciphertext = buffer.AsSpan(0, length);
                var opened = plaintext.AsSpan(0, length - AgeKdf.TagSize);
                var fault = (string?)null;
                if (!ChaChaPoly.TryOpen(payloadKey, ChunkNonce.For(counter, last), ciphertext, opened))
                {
                    // A full chunk that opens with the other flag is authentic: it is released, and the stream around it is wrong.
                    fault = length == EncryptedChunkSize && ChaChaPoly.TryOpen(payloadKey, ChunkNonce.For(counter, !last), ciphertext, opened)
                        ? last ? $"chunk {chunk} is not marked last but nothing follows it (the stream is truncated)"
                            : $"chunk {chunk} is marked last but more data follows it (trailing data)"
                        : throw Invalid($"bad tag in chunk {chunk}: the payload was changed, cut short or has data appended");
                }

                if (last && opened.Length == 0 && counter > 0)
                {
                    throw Invalid($"the final chunk {chunk} is empty, which is only allowed when the whole payload is empty");
                }

                output.Write(opened);
                if (fault is not null)
                {
                    throw Invalid(fault);
                }

                if (last)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static AgeException Invalid(string what) => new(AgeErrorKind.PayloadInvalid, $"age payload: {what}");
}
