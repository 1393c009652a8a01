using RigBootstrap.Core.Host;
using RigBootstrap.Processes;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Reads tccd's MDMOverrides.plist through <c>plutil -convert xml1 -o - &lt;file&gt;</c>: the file may be a binary plist
/// (the tools that read it convert it first: Microsoft's mdatp-xplat analyze_profiles.py runs <c>plutil -convert
/// xml1</c> on a copy, N-able's tcctool <c>plutil -convert xml1 -o -</c>), and plutil reads both formats.
/// </summary>
public sealed class MdmOverridesFile : ITccPolicySource
{
    private static readonly TimeSpan ConvertTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly HostPaths _paths;

    public MdmOverridesFile(IProcessRunner runner, ToolTable tools, HostPaths paths)
    {
        _runner = runner;
        _tools = tools;
        _paths = paths;
    }

    public string Name => MdmOverridesParser.Origin;

    public async Task<TccSourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var path = _paths.MdmOverridesPath;
        // GetAttributes tells "not there" (ENOENT) from "not allowed to look" (EACCES/EPERM), which File.Exists hides.
        try
        {
            _ = File.GetAttributes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new TccSourceReading.Absent($"{path} does not exist: tccd has applied no PPPC profile yet");
        }
        catch (UnauthorizedAccessException)
        {
            return new TccSourceReading.Unreadable(FullDiskAccess.Missing(path));
        }

        var spec = ToolCall.Spec(_tools, ToolNames.Plutil, ["-convert", "xml1", "-o", "-", path], ConvertTimeout) with
        {
            OutputTailBytes = ProfilesListing.MaxOutputBytes,
        };
        ProcessResult result;
        try
        {
            result = await _runner.RunAsync(spec, cancellationToken);
        }
        catch (ProcessStartException ex)
        {
            return new TccSourceReading.Unreadable($"plutil could not be started to read {path} ({ex.Message}); point the tool table's plutil at /usr/bin/plutil");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Interpret(path, result);
    }

    private static TccSourceReading Interpret(string path, ProcessResult result)
    {
        if (result.TimedOut)
        {
            return new TccSourceReading.Unreadable($"plutil did not convert {path} within {ConvertTimeout.TotalSeconds:0} s; check that the disk is not hung");
        }

        if (result.ExitCode != 0)
        {
            // The file exists (stat said so): plutil's "not readable" or "permission" is TCC refusing the open.
            var stderr = result.StderrTail + result.StdoutTail;
            return Mentions(stderr, "permission") || Mentions(stderr, "not permitted") || Mentions(stderr, "not readable")
                ? new TccSourceReading.Unreadable(FullDiskAccess.Missing(path) + $" (plutil: {ToolOutputExcerpt.Of(stderr)})")
                : new TccSourceReading.Unreadable($"plutil exited with {result.ExitCode} converting {path}: {ToolOutputExcerpt.Of(stderr)}");
        }

        if (result.StdoutTruncated)
        {
            return new TccSourceReading.Unreadable($"{path} converts to more than {ProfilesListing.MaxOutputBytes / (1024 * 1024)} MiB of XML, more than rig-bootstrap reads");
        }

        try
        {
            return new TccSourceReading.Read(MdmOverridesParser.Parse(PlistReader.Parse(result.StdoutTail)));
        }
        catch (FormatException ex)
        {
            return new TccSourceReading.Unreadable($"{path} is not a plist rig-bootstrap can read: {ex.Message}");
        }
    }

    private static bool Mentions(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
}
