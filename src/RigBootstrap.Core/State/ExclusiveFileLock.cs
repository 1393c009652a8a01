namespace RigBootstrap.Core.State;

/// <summary>
/// An exclusive lock on a file, so one runner at a time touches the state (docs/invariants.md I4) and concurrent installs queue.
/// On Unix, .NET takes an advisory flock for FileShare.None, and the kernel drops it when the process dies, so a
/// crash never leaves it stuck.
/// </summary>
public sealed class ExclusiveFileLock : IDisposable
{
    private readonly FileStream _stream;

    private ExclusiveFileLock(FileStream stream) => _stream = stream;

    /// <summary>Tries until <paramref name="wait"/> has passed; null when another process still holds the lock.</summary>
    public static async Task<ExclusiveFileLock?> TryAcquireAsync(string lockPath, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            try
            {
                return new ExclusiveFileLock(new FileStream(lockPath, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                }));
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
