using System.Text.RegularExpressions;

namespace RigBootstrap.Architecture.Tests;

/// <summary>
/// xUnit 2 defines a test's <c>Timeout</c> only when parallelization is off, and every test project here runs its
/// collections in parallel: a timeout there is measured from when the runner queued the test, not when it started,
/// so it can fail a healthy test or never fire at all. Waits are bounded inside the tests (each tool run has its own
/// timeout, each wait a deadline), and tests/run.sh kills a hung test with <c>--blame-hang-timeout</c>.
/// </summary>
public sealed partial class TestHygieneTests
{
    [Fact]
    public void No_test_attribute_sets_a_timeout()
    {
        var offenders = Directory.GetFiles(Path.Join(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => TimedTestAttribute().IsMatch(l.Text))
            .Select(l => $"{Repository.Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("xUnit 2 leaves a test attribute's Timeout undefined under parallel collections; bound the wait inside the test");
    }

    [Fact]
    public void The_test_script_kills_a_hung_test()
    {
        File.ReadAllText(Path.Join(Repository.Root, "tests", "run.sh")).Should().Contain("--blame-hang-timeout");
    }

    [GeneratedRegex(@"\[\w*(Fact|Theory)\([^\]]*\bTimeout\s*=")]
    private static partial Regex TimedTestAttribute();
}
