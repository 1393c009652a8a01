namespace RigBootstrap.Core.Adapters;

/// <summary>A TCC.db could not be read; the message names the database and the fix.</summary>
public sealed class TccException : Exception
{
    public TccException(string message)
        : base(message)
    {
    }

    public TccException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
