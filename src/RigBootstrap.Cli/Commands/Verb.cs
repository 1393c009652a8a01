using RigBootstrap.Core.Host;

namespace RigBootstrap.Cli.Commands;

/// <summary>Runs a verb's body and turns a failure into its message on stderr and its exit code (one catch ladder).</summary>
public static class Verb
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("rig-bootstrap: canceled");
            return ExitCodes.TemporaryFailure;
        }
        catch (Exception ex)
        {
            var code = ExceptionExitCodes.For(ex);
            Console.Error.WriteLine($"rig-bootstrap: {ex.Message} (exit {code})");
            return code;
        }
    }

    public static HostPaths Paths(string root) => HostPaths.ForRoot(root);
}
