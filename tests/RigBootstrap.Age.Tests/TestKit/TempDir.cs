namespace RigBootstrap.Age.Tests.TestKit;

/// <summary>A private temporary directory removed with the test.</summary>
public sealed class TempDir : IDisposable
{
    public string DirPath { get; } = Directory.CreateTempSubdirectory("rig-age-test-").FullName;

    public string File(string name) => Path.Join(DirPath, name);

    public void Dispose() => Directory.Delete(DirPath, recursive: true);
}
