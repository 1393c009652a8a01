namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>What a published macOS binary should be: its CPU type and how it is signed.</summary>
public sealed record ExpectedMachO(int CpuType, SignatureKind Signature)
{
    /// <summary>What `dotnet publish -r <paramref name="runtimeIdentifier"/>` gives on Linux: an ad-hoc signed thin executable.</summary>
    public static ExpectedMachO ForRuntime(string runtimeIdentifier) => runtimeIdentifier switch
    {
        "osx-arm64" => new(MachOFormat.CpuTypeArm64, SignatureKind.AdHoc),
        "osx-x64" => new(MachOFormat.CpuTypeX86_64, SignatureKind.AdHoc),
        _ => throw new ArgumentException($"{runtimeIdentifier} is not a macOS runtime identifier (osx-arm64 or osx-x64)", nameof(runtimeIdentifier)),
    };
}
