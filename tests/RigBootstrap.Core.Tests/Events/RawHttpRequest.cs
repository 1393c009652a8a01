using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>One HTTP/1.1 request read off a socket by the test receiver: just enough parsing for a POST with a body.</summary>
public sealed record RawHttpRequest
{
    private const int MaxHeaderBytes = 16 * 1024;

    public required string Method { get; init; }

    public required string Target { get; init; }

    public required ImmutableDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>Null when the client closed the connection before sending a whole request.</summary>
    public static async Task<RawHttpRequest?> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        var headerEnd = -1;
        while (headerEnd < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0 || buffer.Count > MaxHeaderBytes)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            headerEnd = IndexOfBlankLine(buffer);
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToImmutableDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = int.Parse(headers.GetValueOrDefault("Content-Length", "0"));
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new RawHttpRequest
        {
            Method = requestLine[0],
            Target = requestLine.Length > 1 ? requestLine[1] : "",
            Headers = headers,
            Body = Encoding.UTF8.GetString(body.Take(length).ToArray()),
        };
    }

    private static int IndexOfBlankLine(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
