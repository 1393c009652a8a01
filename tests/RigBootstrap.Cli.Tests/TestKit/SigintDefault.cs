namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// Starts a program with SIGINT back at its default. A test runner started as a background job of a shell without job
/// control inherits SIGINT ignored, an ignored signal stays ignored across exec (POSIX), and neither .NET nor sh may
/// un-ignore it: a Ctrl-C test would then test the runner's environment. perl (Debian's essential perl-base) resets
/// the disposition and execs the program in its own process, so the pid the test signals is the program's.
/// </summary>
internal static class SigintDefault
{
    public static (string FilePath, IReadOnlyList<string> Arguments) Wrap(string filePath, IEnumerable<string> arguments) =>
        (ToolPath.Require("perl", "perl-base"), ["-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\"", filePath, .. arguments]);
}
