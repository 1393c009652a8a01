using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Architecture.Tests;

/// <summary>Conventions the style notes ask for, enforced (docs/style.md 9, 11, 12).</summary>
public sealed partial class ConventionTests
{
    private static readonly string[] ProductProjects =
        ["RigBootstrap.Core", "RigBootstrap.Cli", "RigBootstrap.Processes", "RigBootstrap.ServiceDefinitions", "RigBootstrap.Age"];

    [Fact]
    public void No_product_type_has_a_static_mutable_field()
    {
        var offenders = ProductProjects.Select(p => Assembly.Load(p == "RigBootstrap.Cli" ? "rig-bootstrap" : p))
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.Name.Contains('<'))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(CompilerGeneratedAttribute)) && !f.Name.Contains('<'))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();

        offenders.Should().BeEmpty("static mutable state makes tests order-dependent (docs/style.md 12)");
    }

    [Fact]
    public void Host_path_literals_live_only_in_HostPaths_and_the_tool_table()
    {
        // The config parser's messages show example values (`/var/db/rig-bootstrap/fleet.sops.env`); they resolve nothing.
        var allowed = new[] { "HostPaths.cs", "ToolTable.cs", "SecretStepsReader.cs" };
        var offenders = ProductProjects.SelectMany(Repository.SourceFiles)
            .Where(f => !allowed.Contains(Path.GetFileName(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => HostPathLiteral().IsMatch(l.Text) && !l.Text.TrimStart().StartsWith("//") && !l.Text.TrimStart().StartsWith("///"))
            .Select(l => $"{Repository.Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("every host path is resolved by HostPaths under the host root (docs/style.md 9)");
    }

    [Fact]
    public void Core_code_takes_time_from_an_injected_time_provider()
    {
        var offenders = Repository.SourceFiles("RigBootstrap.Core")
            .Where(f => WallClock().IsMatch(File.ReadAllText(f)))
            .Select(Repository.Relative)
            .ToList();

        offenders.Should().BeEmpty("core code never reads the wall clock directly (docs/style.md 11)");
    }

    [GeneratedRegex("\"/(Library|var/db|usr/local/libexec)/")]
    private static partial Regex HostPathLiteral();

    // A Task.Delay with a single argument (no TimeProvider) is the wall clock too.
    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow)\b|Task\.Delay\((?:[^(),]|\([^()]*\))*\)")]
    private static partial Regex WallClock();
}
