using System.Security.Cryptography;

namespace RigBootstrap.Age;

/// <summary>Encrypts a payload as STREAM chunks of 64 KiB; the last chunk may be full, and an empty input is one empty final chunk.</summary>
internal static class PayloadEncryptor
{
    public static void Encrypt(Stream input, byte[] payloadKey, Stream output)
    {
        var buffer = new byte[ChunkNonce.ChunkSize];
        var carried = -1;
        try
        {
            for (ulong counter = 0; ; counter++)
            {
                var length = 0;
                if (carried >= 0)
                {
                    buffer[0] = (byte)carried;
                    length = 1;
                }

                length += input.ReadAtLeast(buffer.AsSpan(length), buffer.Length - length, throwOnEndOfStream: false);
                carried = length == buffer.Length ? input.ReadByte() : -1;
                var last = carried < 0;
                output.Write(ChaChaPoly.Seal(payloadKey, ChunkNonce.For(counter, last), buffer.AsSpan(0, length)));
                if (last)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
