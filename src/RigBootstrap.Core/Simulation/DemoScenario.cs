using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Simulation;

/// <summary>
/// Prepares what the demo's Mac needs from the outside world: the fleet's SOPS file (encrypted to an operator key,
/// not yet to the host), a git repository with the fleet agent at a pinned commit, and the config pointing at them.
/// </summary>
public sealed class DemoScenario
{
    /// <summary>The fleet's secrets: demo values only, never real credentials.</summary>
    public static readonly ImmutableArray<(string Name, string Value)> FleetSecrets =
        [("AGENT_PASSWORD", "demo-password-4711"), ("CLAUDE_OAUTH_JSON", "{\"token\":\"demo-oauth-token\"}")];

    private DemoScenario(string configPath, string fleetSecretsPath, string operatorRecipient, ToolTable tools, ImmutableArray<string> notes)
    {
        ConfigPath = configPath;
        FleetSecretsPath = fleetSecretsPath;
        OperatorRecipient = operatorRecipient;
        Tools = tools;
        Notes = notes;
    }

    public string ConfigPath { get; }

    /// <summary>Where the SOPS file lives (a real path).</summary>
    public string FleetSecretsPath { get; }

    public string OperatorRecipient { get; }

    public ToolTable Tools { get; }

    /// <summary>Steps left out because a tool is missing, with how to get it.</summary>
    public ImmutableArray<string> Notes { get; }

    public static async Task<DemoScenario> PrepareAsync(HostPaths paths, IProcessRunner runner, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = DemoTools.Find();
        if (!found.Has(ToolNames.Git))
        {
            throw new DemoToolMissingException("the demo deploys the fleet agent with git, and no git was found in /usr/bin, /opt/homebrew/bin or /usr/local/bin; install git (apt-get install git, or xcode-select --install)");
        }

        var tools = new ToolTable(null, found.Paths);
        var config = JsonNode.Parse(DemoConfig.Text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        var steps = config["steps"]!.AsObject();
        var notes = ImmutableArray.CreateBuilder<string>();
        config["tools"] = new JsonObject(found.Paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

        var srvDirPath = Directory.CreateDirectory(Path.Join(paths.RootDirPath, "srv")).FullName;
        var (repository, sha) = await DemoAgentRepository.CreateAsync(srvDirPath, runner, tools, cancellationToken);
        steps["firstDeploy"]!["repository"] = repository;
        steps["firstDeploy"]!["sha"] = sha;

        // The Xcode archive an MDM would have copied to the Mac: the simulated format, whose hash the config pins.
        if (steps["xcode"]?["xip"]?["path"]?.GetValue<string>() is { } xipPath)
        {
            var archivePath = paths.Resolve(xipPath);
            Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
            await File.WriteAllTextAsync(archivePath, SimulatedXipArchive.DemoText, cancellationToken);
        }

        // The operator's key and the fleet file are made in process, as the host's key is: the demo needs no age.
        var operatorRecipient = AgeKeyFileCreator.Create(Path.Join(srvDirPath, "operator-key.txt"), time);
        var fleetSecretsPath = paths.Resolve(steps["secrets"]!["source"]!.GetValue<string>());
        Directory.CreateDirectory(Path.GetDirectoryName(fleetSecretsPath)!);
        await File.WriteAllTextAsync(fleetSecretsPath,
            await SopsDotenvWriter.EncryptAsync(FleetSecrets, [operatorRecipient], new InProcessAgeEncryptor(), time, cancellationToken),
            cancellationToken);

        if (!found.Has(ToolNames.Sqlite3))
        {
            steps.Remove("tcc");
            notes.Add("sqlite3 is not installed: the tcc step is left out (apt-get install sqlite3)");
        }

        var configPath = Path.Join(paths.RootDirPath, "demo-config.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return new DemoScenario(configPath, fleetSecretsPath, operatorRecipient, tools, notes.ToImmutable());
    }

    /// <summary>What the operator does once the host shows its recipient: re-encrypt the fleet file for it too (sops updatekeys).</summary>
    public async Task RegisterRecipientAsync(string hostRecipient, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = await SopsDotenvWriter.EncryptAsync(FleetSecrets, [OperatorRecipient, hostRecipient], new InProcessAgeEncryptor(), time, cancellationToken);
        State.DurableFile.WriteAtomically(FleetSecretsPath, text, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
