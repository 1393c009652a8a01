namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>How a binary is expected to be signed.</summary>
public enum SignatureKind
{
    /// <summary>The .NET SDK's own signature: CS_ADHOC set, no certificate (what a publish on Linux gives).</summary>
    AdHoc,

    /// <summary>codesign with a certificate (a Developer ID): CS_ADHOC clear and a non-empty CMS blob.</summary>
    Identity,
}
