using CliWrap;

namespace RigBootstrap.Processes;

/// <summary>Turns a <see cref="CommandSpec"/> into the CliWrap <see cref="Command"/> that runs it.</summary>
internal static class CliCommandFactory
{
    public static Command Create(CommandSpec spec, PipeTarget stdout, PipeTarget stderr)
    {
        var command = Cli.Wrap(spec.FileName)
            // CliWrap escapes each argument and .NET re-splits the string with the same rules, so the
            // child's argv is the list as given (ProcessRunnerArgumentTests checks the awkward cases).
            .WithArguments(spec.Arguments)
            // An override replaces the inherited variable; a null value removes it (CliWrap #109).
            .WithEnvironmentVariables(spec.Environment)
            .WithStandardInputPipe(StandardInputPipe(spec.StandardInput))
            .WithStandardOutputPipe(stdout)
            .WithStandardErrorPipe(stderr)
            // The exit code is judged by ProcessRun against AllowedExitCodes, with a masked message:
            // CliWrap's own CommandExecutionException prints the arguments unmasked (CliWrapGapTests).
            .WithValidation(CommandResultValidation.None);

        if (spec.WorkingDirPath is not null)
        {
            command = command.WithWorkingDirectory(spec.WorkingDirPath);
        }

        if (!string.IsNullOrEmpty(spec.UserName))
        {
            // .NET switches uid, gid and supplementary groups in the child before exec (root only).
            command = command.WithCredentials(credentials => credentials.SetUserName(spec.UserName));
        }

        return command;
    }

    // CliWrap writes the bytes, then closes stdin so the child sees end of file; a child that stops
    // reading early (broken pipe) is not an error, and the write is abandoned once the child exits
    // (CliWrap #74). PipeSource.Null closes stdin at once. The content is never part of any message.
    private static PipeSource StandardInputPipe(StandardInput input) =>
        input.IsNone ? PipeSource.Null : PipeSource.FromBytes(input.GetBytes());
}
