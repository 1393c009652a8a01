namespace RigBootstrap.Core.Tests.Config;

/// <summary>A real temporary directory for one test's config files, removed when the test ends.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    public TempConfigDirectory()
    {
        DirPath = Path.Combine(Path.GetTempPath(), "rig-bootstrap-config-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirPath);
    }

    public string DirPath { get; }

    public string Write(string fileName, byte[] content)
    {
        var filePath = Path.Combine(DirPath, fileName);
        File.WriteAllBytes(filePath, content);
        return filePath;
    }

    public string Write(string fileName, string content) => Write(fileName, System.Text.Encoding.UTF8.GetBytes(content));

    public void Dispose() => Directory.Delete(DirPath, recursive: true);
}
