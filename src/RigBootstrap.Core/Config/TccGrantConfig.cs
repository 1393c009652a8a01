namespace RigBootstrap.Core.Config;

/// <summary>One TCC grant: the service, and the client (absolute path or bundle id) that needs it.</summary>
public sealed record TccGrantConfig
{
    public required string Service { get; init; }

    public required string Client { get; init; }

    /// <summary>For <c>kTCCServiceAppleEvents</c> only: the app the client sends Apple Events to (its bundle id or path).</summary>
    public string? Receiver { get; init; }

    /// <summary>Person for ScreenCapture and ListenEvent, which no profile can switch on.</summary>
    public TccApproval Approval { get; init; } = TccApproval.Mdm;

    /// <summary>"kTCCServiceX to /client" (and "sending to receiver" for Apple Events), for messages.</summary>
    public string Describe() => Receiver is null ? $"{Service} to {Client}" : $"{Service} to {Client} (sending to {Receiver})";
}
