using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Operator;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Processes;

namespace RigBootstrap.Cli;

/// <summary>The one place where failures become exit codes (docs/style.md 17).</summary>
public static class ExceptionExitCodes
{
    public static int For(Exception exception) => exception switch
    {
        ConfigException => ExitCodes.Config,
        SopsException { Kind: SopsErrorKind.NotARecipient } => ExitCodes.TemporaryFailure,
        StateFileCorruptException or SopsException => ExitCodes.DataError,
        UnknownStepException => ExitCodes.Usage,
        AgeException { Kind: AgeErrorKind.KeyFileMissing } => ExitCodes.NoInput,
        AgeException { Kind: AgeErrorKind.KeyFileExists } => ExitCodes.CannotCreate,
        AgeException => ExitCodes.DataError,
        PermissionProblemException or UnauthorizedAccessException => ExitCodes.Permission,
        LockBusyException => ExitCodes.TemporaryFailure,
        ServiceManagerException or ProcessStartException or DemoToolMissingException or ToolOutputException => ExitCodes.Unavailable,
        IOException => ExitCodes.CannotCreate,
        _ => ExitCodes.Software,
    };
}
