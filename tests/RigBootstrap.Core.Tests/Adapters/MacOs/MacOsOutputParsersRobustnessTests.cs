using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class MacOsOutputParsersRobustnessTests
{
    // Every text parser of this folder, fed whatever comes: each may only return or throw FormatException.
    private static readonly (string Name, Action<string> Parse)[] TextParsers =
    [
        ("SwVersParser.Parse", text => SwVersParser.Parse(text)),
        ("SwVersParser.ParseProductVersion", text => SwVersParser.ParseProductVersion(text)),
        ("MacOsVersion.TryParse", text => MacOsVersion.TryParse(text, out _)),
        ("SoftwareUpdateListParser.Parse", text => SoftwareUpdateListParser.Parse(text)),
        ("SoftwareUpdateListParser.ParseFullInstallers", text => SoftwareUpdateListParser.ParseFullInstallers(text)),
        ("SoftwareUpdateOutputClassifier.Classify", text => SoftwareUpdateOutputClassifier.Classify(text)),
        ("CommandLineToolsLabel.NewestIn", text => CommandLineToolsLabel.NewestIn(text)),
        ("CommandLineToolsInstallOutput.Classify", text => CommandLineToolsInstallOutput.Classify(text)),
        ("XcodeSelectOutput.ParseDeveloperDir", text => XcodeSelectOutput.ParseDeveloperDir(text)),
        ("XcodeSelectOutput.SaysNoneSelected", text => XcodeSelectOutput.SaysNoneSelected(text)),
        ("XcodeSelectOutput.ShimMissingDeveloperPath", text => XcodeSelectOutput.ShimMissingDeveloperPath(text)),
        ("XcodebuildVersionParser.Parse", text => XcodebuildVersionParser.Parse(text)),
        ("XcodesInstallOutputParser.ParseInstalledAppPath", text => XcodesInstallOutputParser.ParseInstalledAppPath(text)),
        ("XcodesInstallOutputParser.Steps", text => XcodesInstallOutputParser.Steps(text)),
        ("SecurityExitCodes.Classify", text => SecurityExitCodes.Classify(1, text)),
        ("SysadminctlOutputParser.Parse", text => SysadminctlOutputParser.Parse(text)),
        ("FdesetupStatusParser.Parse", text => FdesetupStatusParser.Parse(text)),
        ("TccQuery.ParseRows", text => TccQuery.ParseRows(text)),
    ];

    [Fact]
    public void Every_prefix_of_every_text_fixture_gives_each_parser_a_result_or_a_format_exception()
    {
        // Arrange: truncated output is the malformed input a killed or timed-out tool really produces.
        var inputs = Directory.EnumerateFiles(MacOsFixtures.DirPath, "*.txt")
            .Select(File.ReadAllText)
            .SelectMany(text => Enumerable.Range(0, text.Length + 1).Select(length => text[..length]));

        // Act
        var unexpected = inputs.SelectMany(input => TextParsers.Select(parser => (parser.Name, Error: Run(parser.Parse, input))))
            .Where(outcome => outcome.Error is not null and not FormatException)
            .Select(outcome => $"{outcome.Name}: {outcome.Error!.GetType().Name}: {outcome.Error.Message}")
            .Distinct()
            .ToList();

        // Assert
        unexpected.Should().BeEmpty();
    }

    [Fact]
    public void Random_bytes_and_text_give_each_parser_a_result_or_a_format_exception()
    {
        // Arrange: a fixed seed, so a failure can be replayed.
        var random = new Random(20251125);
        var alphabet = "\0\t\n\r *:,.()[]{}\"'/\\-_=0123456789aAbBeEgGkKlLqQxXzZ#%\u00e9\u2713\uFFFD";
        var inputs = Enumerable.Range(0, 2000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .ToList();
        var blobs = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, random.Next(0, 40)).Select(_ => (byte)random.Next(256)).ToArray()).ToList();

        // Act
        var textErrors = inputs.SelectMany(input => TextParsers.Select(parser => Run(parser.Parse, input)));
        var blobErrors = blobs.Select(blob => Run(_ => KcPassword.Decode(blob), string.Empty));
        var unexpected = textErrors.Concat(blobErrors)
            .Where(error => error is not null and not FormatException)
            .Select(error => $"{error!.GetType().Name}: {error.Message}")
            .Distinct()
            .ToList();

        // Assert
        unexpected.Should().BeEmpty();
    }

    [Fact]
    public void Every_prefix_of_every_kcpassword_fixture_decodes_or_gives_a_format_exception()
    {
        // Arrange
        var prefixes = Directory.EnumerateFiles(MacOsFixtures.DirPath, "kcpassword-*.bin")
            .Select(File.ReadAllBytes)
            .SelectMany(bytes => Enumerable.Range(0, bytes.Length + 1).Select(length => bytes[..length]));

        // Act
        var unexpected = prefixes.Select(bytes => Run(_ => KcPassword.Decode(bytes), string.Empty))
            .Where(error => error is not null and not FormatException)
            .ToList();

        // Assert
        unexpected.Should().BeEmpty();
    }

    private static Exception? Run(Action<string> parse, string input)
    {
        try
        {
            parse(input);
            return null;
        }
        catch (Exception ex)
        {
            // Collected, not rethrown: the assertion lists every parser and exception type that escaped.
            return ex;
        }
    }
}
