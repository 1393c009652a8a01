using System.CommandLine;

namespace RigBootstrap.Cli.Commands;

/// <summary>`age`: the age operations an operator needs on a host without age, with age's own flags (docs/age.md).</summary>
public static class AgeCommand
{
    public static Command Create() =>
        new("age", "age keys and decryption in process, for hosts without age (see docs/age.md)")
        {
            AgeKeygenCommand.Create(), AgeRecipientCommand.Create(), AgeDecryptCommand.Create(),
        };
}
