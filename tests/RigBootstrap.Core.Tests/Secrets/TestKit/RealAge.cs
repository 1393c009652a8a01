using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>The real `age` and `age-keygen` (tests/run.sh installs them), reached through a tool table's overrides.</summary>
public static class RealAge
{
    // Where apt and Homebrew put them; the first that exists wins.
    private static readonly string[] Locations = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"];

    public static ToolTable Tools { get; } = new(null, ImmutableDictionary<string, string>.Empty
        .Add(ToolNames.Age, Find("age"))
        .Add(ToolNames.AgeKeygen, Find("age-keygen")));

    public static IAge Create() => new AgeTool(new ProcessRunner(TimeProvider.System), Tools);

    /// <summary>Encrypts bytes to a recipient as armoured text (what SOPS stores in `enc`).</summary>
    public static async Task<string> EncryptArmoredAsync(byte[] plaintext, string recipient)
    {
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(new CommandSpec
        {
            FileName = Tools.PathOf(ToolNames.Age),
            Arguments = ["-e", "-a", "-r", recipient],
            StandardInput = StandardInput.FromBytes(plaintext),
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);
        return result.StdoutTail;
    }

    private static string Find(string name) =>
        Locations.Select(dir => Path.Join(dir, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not installed; run tests/run.sh, which installs age (apt-get install age, or brew install age).");
}
