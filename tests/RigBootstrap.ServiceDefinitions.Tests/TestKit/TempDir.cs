using System.Text;

namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>A fresh directory under the system temp directory, removed with everything in it on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        DirPath = Directory.CreateTempSubdirectory("rig-svc-tests-").FullName;
    }

    public string DirPath { get; }

    /// <summary>Writes the text as UTF-8 without a byte order mark, as the product writes service definitions.</summary>
    public string WriteFile(string fileName, string text)
    {
        var filePath = Path.Combine(DirPath, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        File.WriteAllText(filePath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return filePath;
    }

    /// <summary>Writes a shell script that exits 0 and marks it executable for its owner (Unix only).</summary>
    public string WriteExecutableStub(string fileName)
    {
        var filePath = WriteFile(fileName, "#!/bin/sh\nexit 0\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Executable stubs are shell scripts; these tests need a Unix host.");
        }

        File.SetUnixFileMode(filePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return filePath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DirPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: a test may remove its own directory to check a failure path.
        }
    }
}
