using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.Processes;

/// <summary>Drains one output stream: decodes UTF-8, splits lines, masks them, feeds the sink and the tail.</summary>
internal sealed class OutputCapture
{
    // A stream with no newlines (binary, progress bars) must not grow one line without bound; such
    // a line reaches the sink in pieces, and a secret straddling a piece boundary is not masked.
    private const int MaxLineChars = 64 * 1024;
    private const int ReadBufferBytes = 16 * 1024;

    private readonly OutputStreamKind _stream;
    private readonly LineDispatcher _dispatcher;
    private readonly ImmutableArray<string> _lineSecrets;
    private readonly OutputTail _tail;
    private readonly StringBuilder _line = new();

    public OutputCapture(OutputStreamKind stream, LineDispatcher dispatcher, ImmutableArray<string> secrets, int tailBytes)
    {
        _stream = stream;
        _dispatcher = dispatcher;
        _lineSecrets = SplitIntoLines(secrets);
        _tail = new OutputTail(tailBytes);
    }

    public bool Truncated => _tail.Truncated;

    public string TailText => _tail.ToText();

    /// <summary>Reads until end of file, or until the token says to stop waiting for it.</summary>
    public async Task DrainAsync(Stream stream, CancellationToken stopReading)
    {
        var decoder = new UTF8Encoding(false).GetDecoder();
        var bytes = new byte[ReadBufferBytes];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(ReadBufferBytes)];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, stopReading).ConfigureAwait(false)) > 0)
            {
                var decoded = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                Consume(chars.AsSpan(0, decoded));
            }

            Consume(chars.AsSpan(0, decoder.GetChars([], 0, 0, chars, 0, flush: true)));
        }
        catch (OperationCanceledException) when (stopReading.IsCancellationRequested)
        {
            // The drain deadline passed (a grandchild holds the pipe): keep what was read so far.
        }
        finally
        {
            if (_line.Length > 0)
            {
                Emit(terminated: false);
            }
        }
    }

    private void Consume(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            var newline = chars.IndexOf('\n');
            if (newline < 0)
            {
                _line.Append(chars);
                if (_line.Length >= MaxLineChars)
                {
                    Emit(terminated: false);
                }

                return;
            }

            _line.Append(chars[..newline]);
            Emit(terminated: true);
            chars = chars[(newline + 1)..];
        }
    }

    private void Emit(bool terminated)
    {
        var masked = SecretMask.Apply(_line.ToString(), _lineSecrets);
        _line.Clear();
        _tail.Append(terminated ? masked + "\n" : masked);
        _dispatcher.Dispatch(_stream, masked.EndsWith('\r') ? masked[..^1] : masked);
    }

    // Output is masked line by line, so a multi-line secret (a PEM key, a JSON document) is masked
    // through each of its lines; whitespace-only lines are skipped, as masking them would hide all layout.
    private static ImmutableArray<string> SplitIntoLines(ImmutableArray<string> secrets) =>
    [
        .. secrets
            .SelectMany(secret => secret.Split('\n'))
            .Select(line => line.TrimEnd('\r'))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Distinct(StringComparer.Ordinal),
    ];
}
