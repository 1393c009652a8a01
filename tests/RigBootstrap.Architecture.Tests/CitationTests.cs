using System.Text.RegularExpressions;

namespace RigBootstrap.Architecture.Tests;

/// <summary>
/// Citations in the code point inside the repository: `docs/design.md §n`, `docs/invariants.md In` and
/// `docs/style.md n` each name a section that exists, and nothing cites the design notes that live outside it.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string[] ScannedDirs = ["src", "tests", "docs", "bench"];
    private static readonly string[] ScannedExtensions = [".cs", ".md", ".sh", ".ps1", ".json"];

    // Real tool output and third-party test vectors are quoted, not written by us.
    private static readonly string[] SkippedDirs = ["bin", "obj", "TestData", "macos", "sops"];

    [Fact]
    public void Every_design_citation_names_a_section_of_design_md()
    {
        var sections = Headings(Doc("design.md"), DesignHeading());
        var offenders = Citations(DesignCitation(), SectionNumber())
            .Where(c => !sections.Contains(c.Section))
            .Select(c => $"{c.Where}: docs/design.md §{c.Section}")
            .ToList();

        sections.Should().Contain(["1", "1.4", "3", "4", "10"], "docs/design.md keeps the numbering the code cites");
        offenders.Should().BeEmpty("each cited section must be a heading of docs/design.md ({0})", string.Join(", ", sections.Order()));
    }

    [Fact]
    public void Every_invariant_citation_names_an_invariant_of_invariants_md()
    {
        var invariants = Headings(Doc("invariants.md"), InvariantHeading());
        var offenders = Citations(InvariantCitation(), InvariantNumber())
            .Where(c => !invariants.Contains(c.Section))
            .Select(c => $"{c.Where}: docs/invariants.md {c.Section}")
            .ToList();

        invariants.Should().BeEquivalentTo(Enumerable.Range(1, 9).Select(i => $"I{i}"));
        offenders.Should().BeEmpty("each cited invariant must be a heading of docs/invariants.md");
    }

    [Fact]
    public void Every_style_citation_names_a_rule_of_style_md()
    {
        var rules = Headings(Doc("style.md"), StyleHeading());
        var offenders = Citations(StyleCitation(), RuleNumber())
            .Where(c => !rules.Contains(c.Section))
            .Select(c => $"{c.Where}: docs/style.md {c.Section}")
            .ToList();

        offenders.Should().BeEmpty("each cited rule must be a heading of docs/style.md ({0})", string.Join(", ", rules.Order()));
    }

    [Fact]
    public void Nothing_cites_the_design_notes_outside_the_repository()
    {
        // This file names the old citations in order to find them.
        var offenders = ScannedFiles()
            .Where(f => Path.GetFileName(f) != "CitationTests.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Repository.Relative(f)}:{i + 1}", Text: line)))
            .Where(l => OutsideCitation().IsMatch(l.Text))
            .Select(l => $"{l.Where}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("a newcomer has only the repository: cite docs/design.md §n, docs/style.md n or docs/invariants.md In");
    }

    [Fact]
    public void Every_invariant_named_in_the_code_is_a_citation_of_invariants_md()
    {
        // invariants.md names its own headings bare.
        var invariantsDoc = Path.Join(Repository.Root, "docs", "invariants.md");
        var offenders = ScannedFiles()
            .Where(f => f != invariantsDoc)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Repository.Relative(f)}:{i + 1}", Text: line)))
            .Where(l => BareInvariant().Matches(InvariantCitation().Replace(l.Text, "")).Count > 0)
            .Select(l => $"{l.Where}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("an invariant is cited as `docs/invariants.md In`, so a reader can find it");
    }

    [Fact]
    public void Every_test_named_in_invariants_md_exists()
    {
        var doc = Doc("invariants.md");
        var testSources = Directory.GetFiles(Path.Join(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Skipped(f))
            .Select(File.ReadAllText)
            .ToList();
        var named = BacktickedName().Matches(doc)
            .SelectMany(m => new[] { m.Groups[1], m.Groups[2] }.Where(g => g.Success).Select(g => g.Value))
            .Distinct()
            .ToList();
        var classes = named.Where(n => n.EndsWith("Tests", StringComparison.Ordinal));
        var methods = named.Where(n => n.Contains('_') && n.Any(char.IsLower));

        var missing = classes.Where(c => !testSources.Any(s => s.Contains($"class {c}", StringComparison.Ordinal)))
            .Concat(methods.Where(m => !testSources.Any(s => Regex.IsMatch(s, $@"\b(void|Task)\s+{Regex.Escape(m)}\s*\("))))
            .ToList();

        named.Should().NotBeEmpty();
        missing.Should().BeEmpty("docs/invariants.md names tests that prove each invariant; a renamed test must be renamed there too");
    }

    private static string Doc(string name) => File.ReadAllText(Path.Join(Repository.Root, "docs", name));

    private static HashSet<string> Headings(string doc, Regex heading) =>
        heading.Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string Where, string Section)> Citations(Regex citation, Regex number) =>
        ScannedFiles().SelectMany(f => File.ReadLines(f).SelectMany((line, i) =>
            citation.Matches(line).SelectMany(m => number.Matches(m.Value).Select(n => ($"{Repository.Relative(f)}:{i + 1}", n.Groups[1].Value)))));

    private static IEnumerable<string> ScannedFiles() =>
        ScannedDirs.Select(d => Path.Join(Repository.Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => ScannedExtensions.Contains(Path.GetExtension(f)) && !Skipped(f));

    private static bool Skipped(string path) =>
        Path.GetRelativePath(Repository.Root, path).Split(Path.DirectorySeparatorChar).Any(SkippedDirs.Contains);

    [GeneratedRegex(@"^#{2,3} (\d+(?:\.\d+)?)\.? ", RegexOptions.Multiline)]
    private static partial Regex DesignHeading();

    [GeneratedRegex(@"^## (I[1-9]) ", RegexOptions.Multiline)]
    private static partial Regex InvariantHeading();

    [GeneratedRegex(@"^## (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex StyleHeading();

    // `docs/design.md §4`, `docs/design.md §1.4, §10`.
    [GeneratedRegex(@"docs/design\.md §\d+(?:\.\d+)?(?:,\s*§\d+(?:\.\d+)?)*")]
    private static partial Regex DesignCitation();

    [GeneratedRegex(@"§(\d+(?:\.\d+)?)")]
    private static partial Regex SectionNumber();

    // `docs/invariants.md I6`, `docs/invariants.md I2, I3`, `docs/invariants.md I1 and I9`.
    [GeneratedRegex(@"docs/invariants\.md I[1-9](?:(?:,\s*| and )I[1-9])*")]
    private static partial Regex InvariantCitation();

    [GeneratedRegex(@"\b(I[1-9])\b")]
    private static partial Regex InvariantNumber();

    // `docs/style.md 7`, `docs/style.md 9, 11, 12`.
    [GeneratedRegex(@"docs/style\.md \d+(?:,\s*\d+)*")]
    private static partial Regex StyleCitation();

    [GeneratedRegex(@"(?<![\w.])(\d+)\b")]
    private static partial Regex RuleNumber();

    [GeneratedRegex(@"\b(I[1-9])\b")]
    private static partial Regex BareInvariant();

    // The design notes, engine notes and style notes that lived beside the repository, by their old names.
    [GeneratedRegex(@"\bDESIGN(\.md)?\b|ENGINE[-]NOTES|\bS[T]YLE(\.md)? ?\d")]
    private static partial Regex OutsideCitation();

    [GeneratedRegex(@"`(?:[\w./]*/)?([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?`")]
    private static partial Regex BacktickedName();
}
