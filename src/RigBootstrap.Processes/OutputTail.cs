using System.Text;

namespace RigBootstrap.Processes;

/// <summary>Keeps the last N bytes of a stream's (masked) text in a fixed ring buffer.</summary>
internal sealed class OutputTail
{
    private readonly byte[] _ring;
    private byte[] _scratch = new byte[4096];
    private int _start;
    private int _count;

    public OutputTail(int capacityBytes)
    {
        _ring = new byte[capacityBytes];
    }

    /// <summary>Earlier bytes were dropped to stay within the capacity.</summary>
    public bool Truncated { get; private set; }

    public void Append(string text)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_scratch.Length < byteCount)
        {
            _scratch = new byte[byteCount];
        }

        var length = Encoding.UTF8.GetBytes(text, _scratch);
        Append(_scratch.AsSpan(0, length));
    }

    public string ToText()
    {
        var bytes = new byte[_count];
        var firstPart = Math.Min(_count, _ring.Length - _start);
        _ring.AsSpan(_start, firstPart).CopyTo(bytes);
        _ring.AsSpan(0, _count - firstPart).CopyTo(bytes.AsSpan(firstPart));

        // A cut may land inside a multi-byte character: skip its continuation bytes (10xxxxxx).
        var skip = 0;
        while (Truncated && skip < bytes.Length && (bytes[skip] & 0xC0) == 0x80)
        {
            skip++;
        }

        return Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var capacity = _ring.Length;
        if (bytes.Length >= capacity)
        {
            Truncated |= _count > 0 || bytes.Length > capacity;
            bytes[^capacity..].CopyTo(_ring);
            (_start, _count) = (0, capacity);
            return;
        }

        var end = (_start + _count) % capacity;
        var firstPart = Math.Min(bytes.Length, capacity - end);
        bytes[..firstPart].CopyTo(_ring.AsSpan(end));
        bytes[firstPart..].CopyTo(_ring);

        var overflow = _count + bytes.Length - capacity;
        if (overflow > 0)
        {
            Truncated = true;
            _start = (_start + overflow) % capacity;
            _count = capacity;
        }
        else
        {
            _count += bytes.Length;
        }
    }
}
