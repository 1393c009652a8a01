namespace RigBootstrap.Core.Status;

/// <summary>A move of the workflow into Halted, as journaled.</summary>
public sealed record HaltRecord(DateTimeOffset At, int BootNumber, string Reason);
