using System.Reflection;
using System.Xml.Linq;

namespace RigBootstrap.Architecture.Tests;

/// <summary>Dependencies point one way: Cli → Core → {StateMachine, Processes, ServiceDefinitions, Age} (docs/architecture.md).</summary>
public sealed class DependencyTests
{
    [Theory]
    [InlineData("RigBootstrap.StateMachine")]
    [InlineData("RigBootstrap.ServiceDefinitions")]
    public void The_engine_libraries_have_no_package_or_project_references(string project)
    {
        var csproj = XDocument.Load(Path.Join(Repository.Root, "src", project, project + ".csproj"));

        csproj.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference").Should().BeEmpty();
        Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!)
            .Should().OnlyContain(name => name.StartsWith("System") || name.StartsWith("Microsoft.Win32.") || name == "netstandard" || name == "mscorlib");
    }

    [Fact]
    public void The_age_library_references_bouncycastle_and_nothing_else()
    {
        var csproj = XDocument.Load(Path.Join(Repository.Root, "src", "RigBootstrap.Age", "RigBootstrap.Age.csproj"));

        csproj.Descendants().Where(e => e.Name.LocalName is "ProjectReference").Should().BeEmpty();
        csproj.Descendants().Where(e => e.Name.LocalName is "PackageReference").Select(e => e.Attribute("Include")!.Value)
            .Should().Equal("BouncyCastle.Cryptography");
        Assembly.Load("RigBootstrap.Age").GetReferencedAssemblies().Select(a => a.Name!)
            .Should().OnlyContain(name => name.StartsWith("System") || name == "BouncyCastle.Cryptography" || name == "netstandard" || name == "mscorlib");
    }

    [Fact]
    public void The_process_library_references_cliwrap_and_nothing_else_and_core_runs_tools_through_it()
    {
        // docs/adr/0005-cliwrap.md: CliWrap is the process core; Core reaches it only through IProcessRunner.
        var csproj = XDocument.Load(Path.Join(Repository.Root, "src", "RigBootstrap.Processes", "RigBootstrap.Processes.csproj"));

        csproj.Descendants().Where(e => e.Name.LocalName is "ProjectReference").Should().BeEmpty();
        csproj.Descendants().Where(e => e.Name.LocalName is "PackageReference").Select(e => e.Attribute("Include")!.Value)
            .Should().Equal("CliWrap");
        var processes = Assembly.Load("RigBootstrap.Processes").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        processes.Should().Contain("CliWrap")
            .And.OnlyContain(name => name.StartsWith("System") || name.StartsWith("Microsoft.Win32.") || name == "CliWrap" || name == "netstandard" || name == "mscorlib");
        Assembly.Load("RigBootstrap.Core").GetReferencedAssemblies().Select(a => a.Name).Should().Contain("RigBootstrap.Processes").And.NotContain("CliWrap");
    }

    [Fact]
    public void Core_references_neither_hosting_nor_serilog_nor_a_service_provider()
    {
        var core = Assembly.Load("RigBootstrap.Core");

        core.GetReferencedAssemblies().Select(a => a.Name!).Should().NotContain(name =>
            name.StartsWith("Serilog") || name.StartsWith("Microsoft.Extensions.Hosting") || name.StartsWith("Microsoft.Extensions.DependencyInjection") || name.StartsWith("System.CommandLine"));
        Repository.SourceFiles("RigBootstrap.Core").Where(f => File.ReadAllText(f).Contains("IServiceProvider"))
            .Select(Repository.Relative).Should().BeEmpty();
    }

    [Fact]
    public void Only_run_builds_a_generic_host_so_the_short_verbs_stay_host_free()
    {
        // docs/adr/0006-generic-host.md: `status` and `plan` are called on every MDM check-in and must not pay for a host.
        var hostUsers = Repository.SourceFiles("RigBootstrap.Cli")
            .Where(f => !f.Contains(Path.Join("Cli", "Hosting") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("Microsoft.Extensions.Hosting", StringComparison.Ordinal) || text.Contains("DaemonHost.", StringComparison.Ordinal)))
            .Select(Repository.Relative);

        hostUsers.Should().Equal(Path.Join("src", "RigBootstrap.Cli", "Commands", "RunCommand.cs"));
    }

    [Fact]
    public void Nothing_but_the_cli_references_the_cli()
    {
        foreach (var name in new[] { "RigBootstrap.Core", "RigBootstrap.StateMachine", "RigBootstrap.Processes", "RigBootstrap.ServiceDefinitions", "RigBootstrap.Age" })
        {
            Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("rig-bootstrap");
        }
    }

    [Fact]
    public void No_project_suppresses_a_trim_warning()
    {
        // A NoWarn of IL2xxx/IL3xxx would hide a package's trimming hazard from tests/run.sh's publish check.
        var buildFiles = Directory.GetFiles(Repository.Root, "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Repository.Root, "*.props", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Repository.Root, "*.targets", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}"));

        var offenders = buildFiles
            .SelectMany(f => XDocument.Load(f).Descendants()
                .Where(e => e.Name.LocalName is "NoWarn" or "WarningsNotAsErrors" && System.Text.RegularExpressions.Regex.IsMatch(e.Value, @"\bIL[23]\d{3}\b"))
                .Select(e => $"{Repository.Relative(f)}: <{e.Name.LocalName}>{e.Value}</{e.Name.LocalName}>"))
            .ToList();

        buildFiles.Should().NotBeEmpty();
        offenders.Should().BeEmpty("every assembly, packages included, publishes with zero trim warnings (docs/signing.md)");
    }
}
