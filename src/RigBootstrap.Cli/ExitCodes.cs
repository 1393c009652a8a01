namespace RigBootstrap.Cli;

/// <summary>Exit codes (sysexits.h, docs/design.md §7) and the frozen `status` contract: 0 completed, 1 halted, 2 in progress.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int StatusHalted = 1;
    public const int StatusInProgress = 2;
    public const int Usage = 64;
    public const int DataError = 65;
    public const int NoInput = 66;
    public const int Unavailable = 69;
    public const int Software = 70;
    public const int CannotCreate = 73;
    public const int TemporaryFailure = 75;
    public const int Permission = 77;
    public const int Config = 78;

    /// <summary>`run` stopped by SIGTERM or SIGINT before the workflow ended: 128 + 15, what a shell reports for a death by SIGTERM.</summary>
    public const int Stopped = 143;
}
