namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>A fresh temporary directory per test, removed on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        DirPath = Path.Combine(Path.GetTempPath(), "rig-processes-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirPath);
    }

    public string DirPath { get; }

    public string PathOf(string name) => Path.Combine(DirPath, name);

    public void Dispose() => Directory.Delete(DirPath, recursive: true);
}
