namespace RigBootstrap.Core.Secrets;

/// <summary>One `age` entry of the metadata: a recipient and the data key encrypted to it (armoured).</summary>
public sealed record SopsAgeRecipient(string Recipient, string EncryptedDataKey);
