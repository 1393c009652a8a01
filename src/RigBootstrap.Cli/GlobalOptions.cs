using System.CommandLine;

namespace RigBootstrap.Cli;

/// <summary>--root and --tools-dir, on every verb, with their environment variables (docs/design.md §5, §6).</summary>
public sealed class GlobalOptions
{
    public const string RootVariable = "RIG_BOOTSTRAP_ROOT";
    public const string ToolsDirVariable = "RIG_BOOTSTRAP_TOOLS_DIR";

    public Option<string> Root { get; } = new("--root")
    {
        Description = $"Directory that stands for / (simulation and tests); env {RootVariable}",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? root : "/",
    };

    public Option<string?> ToolsDir { get; } = new("--tools-dir")
    {
        Description = $"Resolve every external tool to DIR/<name>; env {ToolsDirVariable}",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ToolsDirVariable) is { Length: > 0 } dir ? dir : null,
    };
}
