using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.Doctor;

/// <summary>A real temporary --tools-dir: tools are placeholder files, executable or not; removed after the test.</summary>
public sealed class ToolsDir : IDisposable
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public ToolsDir() => DirPath = Directory.CreateTempSubdirectory("rig-tools-").FullName;

    public string DirPath { get; }

    public ToolTable Table => new(DirPath, ImmutableDictionary<string, string>.Empty);

    public ToolsDir Add(string name, bool executable = true)
    {
        var path = Path.Join(DirPath, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, executable ? Executable : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return this;
    }

    public ToolsDir AddAll(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Add(name);
        }

        return this;
    }

    public void Dispose() => Directory.Delete(DirPath, recursive: true);
}
