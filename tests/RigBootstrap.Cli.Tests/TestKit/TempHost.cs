using System.Globalization;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// One test's own directory: an empty host root (--root) and beside it a tools directory (--tools-dir) holding fresh
/// copies of every fake tool (FakeTools/: launchctl, sysctl, shutdown, systemctl and the macOS tools the built-in
/// steps call), and room for config files. Removed on Dispose.
/// </summary>
public sealed class TempHost : IDisposable
{
    public const string DefaultLabel = "com.rig.bootstrap";

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Tools the fakes do not stand in for: the product runs the real sqlite3 (Debian package); age runs in process.</summary>
    private static readonly string[] RealToolNames = ["sqlite3"];

    public TempHost()
    {
        DirPath = Directory.CreateTempSubdirectory("rig-bootstrap-e2e-").FullName;
        RootDirPath = Directory.CreateDirectory(Path.Join(DirPath, "root")).FullName;
        ToolsDirPath = Directory.CreateDirectory(Path.Join(DirPath, "tools")).FullName;
        foreach (var source in Directory.GetFiles(Path.Join(AppContext.BaseDirectory, "FakeTools")))
        {
            var destination = Path.Join(ToolsDirPath, Path.GetFileName(source));
            File.Copy(source, destination);

            // The build copies files without caring for their mode; the product runs tools by path, so they must be executable.
            File.SetUnixFileMode(destination, Executable);
        }
    }

    public string DirPath { get; }

    /// <summary>
    /// Puts the real sqlite3 beside the fakes (--tools-dir resolves every tool there), behind a two-line shim that logs
    /// its arguments to &lt;tool&gt;.log as the fakes do, so side effects can be counted. The real git goes into git.real:
    /// the fake Command Line Tools and Xcode installs put a git running it in their developer directory (logging to
    /// developer-git.log), while the fake git at the tools' place is the /usr/bin shim.
    /// </summary>
    public void LinkRealTools()
    {
        WriteToolFile("git.real", ToolPath.Require("git", "git") + "\n");
        foreach (var name in RealToolNames)
        {
            var real = ToolPath.Require(name, name);
            var shim = Path.Join(ToolsDirPath, name);
            File.WriteAllText(shim, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$(dirname \"$0\")/{name}.log\"\nexec '{real}' \"$@\"\n");
            File.SetUnixFileMode(shim, Executable);
        }
    }

    /// <summary>Every call a fake tool received (its &lt;tool&gt;.log), one line of arguments each, in order.</summary>
    public IReadOnlyList<string> ToolCalls(string tool) => ReadLines(Path.Join(ToolsDirPath, tool + ".log"));

    /// <summary>Writes a fake tool's state file (such as sw_vers.version or softwareupdate.catalog) beside the fakes.</summary>
    public void WriteToolFile(string name, string text) => File.WriteAllText(Path.Join(ToolsDirPath, name), text);

    public string RootDirPath { get; }

    public string ToolsDirPath { get; }

    /// <summary>`--root R --tools-dir T`, to append to any verb.</summary>
    public IReadOnlyList<string> HostArguments => ["--root", RootDirPath, "--tools-dir", ToolsDirPath];

    // The host layout of docs/design.md §5, as an operator finds it under the root.
    public string StateDirPath => Path.Join(RootDirPath, "var", "db", "rig-bootstrap");

    public string StatePath => Path.Join(StateDirPath, "state.json");

    public string PreviousStatePath => StatePath + ".prev";

    public string JournalPath => Path.Join(StateDirPath, "journal.jsonl");

    public string InstalledConfigPath => Path.Join(StateDirPath, "config.json");

    public string InstalledBinaryPath => Path.Join(RootDirPath, "usr", "local", "libexec", "rig-bootstrap", "rig-bootstrap");

    public string PlistPath(string label = DefaultLabel) => Path.Join(RootDirPath, "Library", "LaunchDaemons", label + ".plist");

    /// <summary>Writes a file beside (not under) the host root, such as a config to install.</summary>
    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteFile(string name, byte[] bytes)
    {
        var filePath = Path.Join(DirPath, name);
        File.WriteAllBytes(filePath, bytes);
        return filePath;
    }

    /// <summary>Every call the fake launchctl received, one line of arguments each, in order.</summary>
    public IReadOnlyList<string> LaunchctlCalls() => ReadLines(Path.Join(ToolsDirPath, "launchctl.log"));

    /// <summary>Every call the fake systemctl received, one line of arguments each, in order.</summary>
    public IReadOnlyList<string> SystemctlCalls() => ReadLines(Path.Join(ToolsDirPath, "systemctl.log"));

    /// <summary>Units the fake systemd runs now (the fleet agent can be started by a test).</summary>
    public IReadOnlyList<string> ActiveUnits() => ReadLines(Path.Join(ToolsDirPath, "systemctl.active"));

    public void StartUnit(string unit) => File.AppendAllText(Path.Join(ToolsDirPath, "systemctl.active"), unit + "\n");

    public string UnitPath(string label = DefaultLabel) => Path.Join(RootDirPath, "etc", "systemd", "system", label + ".service");

    /// <summary>"Reboots" a Linux host as far as rig-bootstrap can tell: a new kernel boot id under the host root.</summary>
    public void SetLinuxBootId(Guid bootId)
    {
        var path = Path.Join(RootDirPath, "proc", "sys", "kernel", "random", "boot_id");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, bootId + "\n");
    }

    /// <summary>Every call the fake shutdown received, one line of arguments each.</summary>
    public IReadOnlyList<string> ShutdownCalls() => ReadLines(Path.Join(ToolsDirPath, "shutdown.log"));

    /// <summary>"Reboots" the host as far as rig-bootstrap can tell: the fake sysctl reports a new kern.boottime.</summary>
    public void SetBootTime(long seconds) =>
        File.WriteAllText(
            Path.Join(ToolsDirPath, "sysctl.boottime"),
            string.Create(CultureInfo.InvariantCulture, $"{{ sec = {seconds}, usec = 0 }} Thu Nov 14 22:13:20 2023\n"));

    public void Dispose()
    {
        if (Directory.Exists(DirPath))
        {
            Directory.Delete(DirPath, recursive: true);
        }
    }

    private static IReadOnlyList<string> ReadLines(string filePath) =>
        File.Exists(filePath) ? File.ReadAllLines(filePath) : [];
}
