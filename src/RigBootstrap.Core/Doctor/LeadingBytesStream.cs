namespace RigBootstrap.Core.Doctor;

/// <summary>A write-only stream that keeps the first bytes written to it and discards the rest.</summary>
public sealed class LeadingBytesStream : Stream
{
    private readonly MemoryStream _kept = new();
    private readonly int _limit;

    public LeadingBytesStream(int limit) => _limit = limit;

    public byte[] Kept => _kept.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = _limit - (int)_kept.Length;
        if (room > 0)
        {
            _kept.Write(buffer[..Math.Min(room, buffer.Length)]);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Dispose();
        }

        base.Dispose(disposing);
    }
}
