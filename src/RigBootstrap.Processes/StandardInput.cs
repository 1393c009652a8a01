using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.Processes;

/// <summary>What the child reads on stdin: nothing (closed at once), UTF-8 text, or bytes.</summary>
/// <remarks>
/// <see cref="ToString"/> never shows the content, because stdin is how secrets are meant to travel.
/// </remarks>
public abstract record StandardInput
{
    private StandardInput()
    {
    }

    /// <summary>Stdin is closed right after start: a reading child sees end of file.</summary>
    public static StandardInput None { get; } = new NoInput();

    /// <summary>The text is written as UTF-8 (no byte-order mark), then stdin is closed.</summary>
    public static StandardInput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextInput(text);
    }

    /// <summary>The bytes are written as they are, then stdin is closed.</summary>
    public static StandardInput FromBytes(ImmutableArray<byte> bytes) =>
        new ByteInput(bytes.IsDefault ? [] : bytes);

    /// <summary>Copies the array, so later changes to it do not reach the child.</summary>
    public static StandardInput FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new ByteInput([.. bytes]);
    }

    internal abstract bool IsNone { get; }

    internal abstract ReadOnlyMemory<byte> GetBytes();

    private sealed record NoInput : StandardInput
    {
        internal override bool IsNone => true;

        internal override ReadOnlyMemory<byte> GetBytes() => ReadOnlyMemory<byte>.Empty;

        public override string ToString() => "stdin: none";
    }

    private sealed record TextInput(string Text) : StandardInput
    {
        internal override bool IsNone => false;

        internal override ReadOnlyMemory<byte> GetBytes() => new UTF8Encoding(false).GetBytes(Text);

        public override string ToString() => $"stdin: text ({Text.Length} chars)";
    }

    private sealed record ByteInput(ImmutableArray<byte> Bytes) : StandardInput
    {
        internal override bool IsNone => false;

        internal override ReadOnlyMemory<byte> GetBytes() => Bytes.AsMemory();

        public override string ToString() => $"stdin: {Bytes.Length} bytes";
    }
}
