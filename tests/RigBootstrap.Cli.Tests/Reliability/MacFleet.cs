using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Turns a <see cref="TempHost"/> into a freshly enrolled Mac and its fleet: macOS 14.6.1 with 15.1 offered, no
/// Command Line Tools (`xcode-select -p` fails, /usr/bin/git is only the shim), no Homebrew (nothing under
/// /opt/homebrew), the Xcode 16.2 archive on the fleet's mirror (or copied to /Users/Shared by MDM), FileVault off, the MDM's PPPC profile granting Accessibility to the
/// agent (in the profiles listing and MDMOverrides.plist, never in TCC.db: <see cref="FleetMdm"/>), the fleet's real SOPS file
/// (fixtures/sops/helm-secrets, encrypted to the operator's published key only), and the agent's git repository.
/// The config asks for every built-in step of docs/design.md §4 and no command.
/// </summary>
public sealed class MacFleet
{
    public const string AgentUser = "rig";

    public const int AgentUid = 501;

    /// <summary>The fixture's `global_secret`: the agent's login password and the keychain item, so it must never leak.</summary>
    public const string SecretValue = "global_age";

    public const string KeychainService = "Claude Code-credentials";

    public const string SecretsSource = "/etc/rig-bootstrap/fleet.sops.yaml";

    public const string TccService = "kTCCServiceAccessibility";

    public const string TccClient = "/usr/local/bin/rig-agent";

    public const string XipPath = "/Users/Shared/Xcode_16.2.xip";

    /// <summary>The Xcode 16.2 `.xip` (the fake xip's format) the fleet serves or copies.</summary>
    public static readonly XipArchive XcodeArchive = XipArchive.Of("16.2", "16C5032a");

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private readonly TempHost _host;
    private readonly string _fixtureDirPath;

    /// <summary>The agent user's GeneratedUID: the first account of the Mac, so its volume owner.</summary>
    public const string AgentGeneratedUid = "6A1C0B52-2E8F-4D71-9C55-0F3A8E2B7D14";

    private MacFleet(TempHost host, string fixtureDirPath, string configPath, MacUpgradeMode upgrade)
    {
        _host = host;
        _fixtureDirPath = fixtureDirPath;
        ConfigPath = configPath;
        Upgrade = upgrade;
        Mdm = new FleetUpdateMdm(host, "15.1", "24B83");
    }

    /// <summary>The MDM and its software-update enforcement for macOS 15.1; it acts only when the host waits for it.</summary>
    public FleetUpdateMdm Mdm { get; }

    public string ConfigPath { get; }

    public MacUpgradeMode Upgrade { get; }

    public string SopsFilePath => Path.Join(_host.RootDirPath, SecretsSource);

    /// <summary>The recipients added to the SOPS file so far (what `sops updatekeys` was run for).</summary>
    public List<string> RegisteredRecipients { get; } = [];

    /// <summary>Every distinct content the host's key file was seen with (SHA-256): a regenerated key is a new random key.</summary>
    public HashSet<string> HostKeyContents { get; } = [];

    public string HostKeyPath => Path.Join(_host.RootDirPath, "Users", AgentUser, ".rig", "age", "key.txt");

    /// <summary>Notes the host key's bytes when it exists; called on every operator tick and at the end.</summary>
    public void ObserveHostKey()
    {
        try
        {
            HostKeyContents.Add(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(HostKeyPath))));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not made yet: nothing to note.
        }
    }

    /// <param name="xipMirror">
    /// Where the fleet serves <see cref="XcodeArchive"/> (steps.xcode.xip.url); null to copy it to <see cref="XipPath"/>
    /// instead (steps.xcode.xip.path), as an MDM package would.
    /// </param>
    public static async Task<MacFleet> PrepareAsync(TempHost host, MacUpgradeMode upgrade = MacUpgradeMode.Mdm, Uri? xipMirror = null)
    {
        host.LinkRealTools();
        host.WriteToolFile("sw_vers.version", "14.6.1 23G93\n");
        host.WriteToolFile("softwareupdate.catalog", "15.1 24B83\n");
        if (xipMirror is null)
        {
            var xip = Path.Join(host.RootDirPath, XipPath);
            Directory.CreateDirectory(Path.GetDirectoryName(xip)!);
            File.WriteAllBytes(xip, XcodeArchive.Bytes);
        }

        // An Apple Silicon Mac (the fake sysctl's default) whose first account, the agent, is its volume owner, with a
        // local password (no ;AppleID; authority) that is the fixture's global_secret.
        host.WriteToolFile("dscl.users", $"{AgentUser}\t{AgentGeneratedUid}\t;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2> ;SecureToken;\n");
        host.WriteToolFile("diskutil.users", $"{AgentGeneratedUid}\tLocal Open Directory User\tYes\nEBC6C064-0000-11AA-AA11-00306543ECAC\tPersonal Recovery User\tYes\n");
        host.WriteToolFile("softwareupdate.owners", $"{AgentUser}\t{SecretValue}\n");
        // The agent is the Mac's first account: uid 501, its GUI session gui/501 (fake id, launchctl, security).
        host.WriteToolFile("id.users", $"{AgentUser}\t{AgentUid}\n");

        var fixtureDirPath = Path.Join(RepositoryRoot.Find(), "tests", "Fixtures");
        var sops = Path.Join(host.RootDirPath, SecretsSource);
        Directory.CreateDirectory(Path.GetDirectoryName(sops)!);
        File.Copy(Path.Join(fixtureDirPath, "sops", "helm-secrets", "secrets.age.yaml"), sops);

        await CreateTccDatabaseAsync(host, fixtureDirPath);
        await new FleetMdm(host).InstallPppcProfileAsync(TccService, TccClient);
        var (repository, sha) = await CreateAgentRepositoryAsync(host.DirPath);
        var config = host.WriteFile("config.json", Config(repository, sha, upgrade, xipMirror));
        return new MacFleet(host, fixtureDirPath, config, upgrade);
    }

    /// <summary>
    /// `sops updatekeys` for one more age recipient, done the way sops does it: the data key, unwrapped with the
    /// operator's key by the real `age`, is wrapped again for the host's recipient and added to `sops.age`; values
    /// and MAC stay as they are.
    /// </summary>
    public async Task RegisterRecipientAsync(string recipient)
    {
        var lines = File.ReadAllLines(SopsFilePath).ToList();
        var encStart = lines.FindIndex(l => l.Trim() == "enc: |") + 1;
        var encEnd = lines.FindIndex(encStart, l => l.Trim() == "-----END AGE ENCRYPTED FILE-----");
        var scratch = Directory.CreateDirectory(Path.Join(_host.DirPath, "sops-updatekeys")).FullName;
        var operatorStanza = Path.Join(scratch, "operator.age");
        var dataKey = Path.Join(scratch, "data-key");
        var hostStanza = Path.Join(scratch, "host.age");
        File.WriteAllLines(operatorStanza, lines[encStart..(encEnd + 1)].Select(l => l.Trim()));
        File.Delete(dataKey);
        File.Delete(hostStanza);

        var operatorKey = Path.Join(_fixtureDirPath, "sops", "helm-secrets", "key.txt");
        await RunAsync(ToolPath.Require("age", "age"), ["-d", "-i", operatorKey, "-o", dataKey, operatorStanza]);
        await RunAsync(ToolPath.Require("age", "age"), ["-e", "-a", "-r", recipient, "-o", hostStanza, dataKey]);
        File.Delete(dataKey);

        var entry = new List<string> { $"        - recipient: {recipient}", "          enc: |" };
        entry.AddRange(File.ReadAllLines(hostStanza).Select(l => "            " + l));
        lines.InsertRange(lines.FindIndex(l => l.StartsWith("    lastmodified:", StringComparison.Ordinal)), entry);
        File.WriteAllLines(SopsFilePath + ".new", lines);
        File.Move(SopsFilePath + ".new", SopsFilePath, overwrite: true);
        RegisteredRecipients.Add(recipient);
    }

    /// <summary>
    /// Side effects that must never happen twice, whatever the crash (docs/invariants.md I2, I3): the host key, the OS install (ours, or
    /// the MDM's restart into it), the Command Line Tools install (about 1 GB), the
    /// Xcode install (expanding its archive). Counted in
    /// the tools' logs: (what, how many times).
    /// </summary>
    public IReadOnlyList<(string What, int Count)> NonIdempotentSideEffects() =>
    [
        ("the host key file created (docs/invariants.md I2: one content, seen on every tick, never changed)", ObservedHostKeys()),
        Upgrade == MacUpgradeMode.Mdm
            ? ("the MDM's enforced macOS update and restart", Mdm.RestartsMade)
            : ("softwareupdate --install macOS", Count("softwareupdate", "--install macOS ")),
        ("softwareupdate --install Command Line Tools", Count("softwareupdate", "--install Command Line Tools ")),
        ("xip --expand (the Xcode install)", Count("xip", "--expand ")),
    ];

    /// <summary>
    /// Side effects that may be redone after a power cut in the middle of them (a partial clone is cloned again, an
    /// item is set again with -U); a crash at a persistence point must still not repeat them.
    /// </summary>
    public IReadOnlyList<(string What, int Count)> IdempotentSideEffects() =>
    [
        ("git clone (the developer directory's git)", Count("developer-git", "clone ")),
        ("security add-generic-password (that took effect)", _host.ToolCalls("security")
            .Count(c => c.StartsWith("-i: add-generic-password", StringComparison.Ordinal) && c.EndsWith("(exit 0)", StringComparison.Ordinal))),
    ];

    public IReadOnlyList<(string What, int Count)> SideEffects() => [.. NonIdempotentSideEffects(), .. IdempotentSideEffects()];

    /// <summary>Repeats of the side effects that must never happen twice (must be 0).</summary>
    public int SideEffectsRepeated() => NonIdempotentSideEffects().Sum(e => Math.Max(0, e.Count - 1));

    private int ObservedHostKeys()
    {
        ObserveHostKey();
        return HostKeyContents.Count;
    }

    private int Count(string tool, string callPrefix) => _host.ToolCalls(tool).Count(c => c.StartsWith(callPrefix, StringComparison.Ordinal));

    private static string Config(string repository, string sha, MacUpgradeMode upgrade, Uri? xipMirror) => $$"""
        {
          "agent": { "user": "{{AgentUser}}", "home": "/Users/{{AgentUser}}" },
          "reboot": { "mode": "auto", "maxBootsWithoutProgress": 3 },
          "steps": {
            "ageKey":      { "path": "/Users/{{AgentUser}}/.rig/age/key.txt" },
            "secrets":     { "source": "{{SecretsSource}}", "envFile": "/Users/{{AgentUser}}/.rig/env" },
            "keychain":    { "items": [ { "service": "{{KeychainService}}", "account": "{{AgentUser}}", "secret": "global_secret" } ] },
            "xcode":       { "version": "16.2", "platforms": ["iOS"], "xip": { {{XipSource(xipMirror)}}, "sha256": "{{XcodeArchive.Sha256}}" } },
            "autologin":   { "user": "{{AgentUser}}", "passwordSecret": "global_secret" },
            "firstDeploy": { "repository": "{{repository}}", "sha": "{{sha}}", "agentLabel": "{{ReliabilityConfigs.AgentLabel}}" },
            "tcc":         { "grants": [ { "service": "{{TccService}}", "client": "{{TccClient}}" } ] },
            "osUpgrade":   {{OsUpgrade(upgrade)}},
            "handoff":     { "agentLabel": "{{ReliabilityConfigs.AgentLabel}}", "stableFor": "00:00:01", "timeout": "00:05:00" }
          }
        }
        """;

    private static string XipSource(Uri? mirror) => mirror is null ? $"\"path\": \"{XipPath}\"" : $"\"url\": \"{mirror}\"";

    private static string OsUpgrade(MacUpgradeMode upgrade) => upgrade == MacUpgradeMode.Mdm
        ? """{ "minimumVersion": "15.1" }"""
        : $$"""{ "minimumVersion": "15.1", "mode": "softwareupdate", "volumeOwner": { "user": "{{AgentUser}}", "passwordSecret": "global_secret" } }""";

    /// <summary>The system TCC.db with the fixture's schema, as a fresh Mac has it: no row for the agent (the MDM's grant is not there).</summary>
    private static async Task CreateTccDatabaseAsync(TempHost host, string fixtureDirPath)
    {
        var database = Path.Join(host.RootDirPath, "Library", "Application Support", "com.apple.TCC", "TCC.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var sqlite3 = ToolPath.Require("sqlite3", "sqlite3");
        await RunAsync(sqlite3, ["-init", "/dev/null", database, $".read '{Path.Join(fixtureDirPath, "macos", "tcc-db-schema.sql")}'"]);
    }

    /// <summary>A bare repository whose one commit holds `bin/rig-deploy`, one run of a pull loop that finds nothing new; its file:// address and commit.</summary>
    private static async Task<(string Repository, string Sha)> CreateAgentRepositoryAsync(string dirPath)
    {
        var git = ToolPath.Require("git", "git");
        var work = Path.Join(dirPath, "rig-deploy-src");
        var bare = Path.Join(dirPath, "rig-deploy.git");
        var program = Path.Join(work, "bin", "rig-deploy");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.WriteAllText(program, "#!/bin/sh\n# The fleet agent of the end-to-end tests: one run of its pull loop, which finds nothing to deploy.\nexit 0\n");
        File.SetUnixFileMode(program, (UnixFileMode)0b111_101_101);
        await RunAsync(git, ["init", "-q", work]);
        await RunAsync(git, ["-C", work, "add", "-A"]);
        await RunAsync(git, ["-C", work, "-c", "user.name=rig-bootstrap tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "-m", "rig-deploy"]);
        await RunAsync(git, ["clone", "-q", "--bare", work, bare]);
        var sha = (await RunAsync(git, ["-C", work, "rev-parse", "HEAD"])).Stdout.Trim();
        return ("file://" + bare, sha);
    }

    private static async Task<CliResult> RunAsync(string tool, string[] arguments)
    {
        // No HOME and no system git config: the tests must not read or change the machine's settings.
        using var child = ChildProcess.Start(tool, arguments, new Dictionary<string, string?>
        {
            ["HOME"] = null,
            ["XDG_CONFIG_HOME"] = null,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        });
        var result = await child.WaitAsync(ToolTimeout);
        result.ExitCode.Should().Be(0, $"{Path.GetFileName(tool)} {string.Join(' ', arguments)}\n{result.Describe()}");
        return result;
    }
}
