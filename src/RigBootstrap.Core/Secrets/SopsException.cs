namespace RigBootstrap.Core.Secrets;

/// <summary>A SOPS file could not be opened; the message names the file and never holds a decrypted value (docs/invariants.md I6).</summary>
public sealed class SopsException : Exception
{
    public SopsException(SopsErrorKind kind, string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        Kind = kind;
        FilePath = filePath;
        Problem = problem;
    }

    public SopsErrorKind Kind { get; }

    /// <summary>The SOPS file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The message without the file name.</summary>
    public string Problem { get; }
}
