namespace RigBootstrap.Processes;

/// <summary>Writes a run's stdin content, then closes the pipe so the child sees end of file.</summary>
internal static class StandardInputFeeder
{
    public static async Task FeedAsync(StreamWriter stdin, StandardInput input, CancellationToken stopWriting)
    {
        try
        {
            var bytes = input.GetBytes();
            if (!bytes.IsEmpty)
            {
                // The base stream, not the writer: the content is already bytes, and the writer
                // would only add an encoding step.
                await stdin.BaseStream.WriteAsync(bytes, stopWriting).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // Broken pipe: the child exited or closed stdin before reading everything (`head -c 1`).
            // That is the child's choice, and its exit code tells whether it was a failure.
        }
        catch (OperationCanceledException) when (stopWriting.IsCancellationRequested)
        {
            // The process is done, but something (a grandchild) keeps stdin open without reading it.
        }
        finally
        {
            Close(stdin);
        }
    }

    public static void Close(StreamWriter stdin)
    {
        try
        {
            stdin.Close();
        }
        catch (IOException)
        {
            // Closing flushes; with a reader already gone that is the same harmless broken pipe.
        }
    }
}
