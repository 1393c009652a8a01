namespace RigBootstrap.Processes;

/// <summary>The process could not be started: missing or non-executable file, bad working directory, unknown user.</summary>
public sealed class ProcessStartException : Exception
{
    internal ProcessStartException(string reason, string fileName, string? workingDirPath, int? nativeErrorCode, Exception? innerException)
        : base(BuildMessage(reason, fileName, workingDirPath), innerException)
    {
        FileName = fileName;
        WorkingDirPath = workingDirPath;
        NativeErrorCode = nativeErrorCode;
    }

    /// <summary>The executable path (masked).</summary>
    public string FileName { get; }

    /// <summary>The requested working directory (masked), or <c>null</c> for the caller's.</summary>
    public string? WorkingDirPath { get; }

    /// <summary>The OS error number (errno) when the OS refused the start.</summary>
    public int? NativeErrorCode { get; }

    private static string BuildMessage(string reason, string fileName, string? workingDirPath) =>
        $"Could not start '{fileName}' (working directory: {(workingDirPath is null ? "inherited" : $"'{workingDirPath}'")}): {reason}";
}
