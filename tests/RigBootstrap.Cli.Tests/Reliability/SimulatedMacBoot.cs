using System.Text;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// What a Mac does at power-on, before launchd starts any job: a macOS update staged by `softwareupdate --restart`
/// becomes the running version (the installer runs during the restart), and loginwindow logs the autologin user in
/// when `/etc/kcpassword` decodes to that user's password and FileVault is off; that login creates the user's login
/// keychain. The fake `sw_vers`, `stat` and `security` read the results, so the product sees them only as a real Mac
/// would show them.
/// </summary>
public sealed class SimulatedMacBoot(TempHost host, IReadOnlyDictionary<string, string> loginPasswords)
{
    // The fixed XOR key of /etc/kcpassword, cycled over the bytes (independent of the product's own codec).
    private static readonly byte[] KcPasswordKey = [0x7D, 0x89, 0x52, 0x23, 0xD2, 0xBC, 0xDD, 0xEA, 0xA3, 0xB9, 0x1F];

    public int UpdatesApplied { get; private set; }

    /// <summary>The user loginwindow logged in at the last power-on, or null when the login window showed.</summary>
    public string? ConsoleUser { get; private set; }

    public void PowerOn()
    {
        var pending = Path.Join(host.ToolsDirPath, "softwareupdate.pending");
        if (File.Exists(pending))
        {
            File.Move(pending, Path.Join(host.ToolsDirPath, "sw_vers.version"), overwrite: true);
            UpdatesApplied++;
        }

        ConsoleUser = AutoLoginUser();
        var consoleFile = Path.Join(host.ToolsDirPath, "console.user");
        File.WriteAllText(consoleFile, ConsoleUser is null ? "" : ConsoleUser + "\n");
        if (ConsoleUser is not null)
        {
            // The first login creates the user's login keychain; the fake security unlocks it while the user is logged in.
            var keychain = Path.Join(host.RootDirPath, "Users", ConsoleUser, "Library", "Keychains", "login.keychain-db");
            Directory.CreateDirectory(Path.GetDirectoryName(keychain)!);
            using var _ = File.Open(keychain, FileMode.OpenOrCreate);
        }
    }

    private string? AutoLoginUser()
    {
        var kcpassword = Path.Join(host.RootDirPath, "etc", "kcpassword");
        if (File.Exists(Path.Join(host.ToolsDirPath, "fdesetup.on")) || !File.Exists(kcpassword))
        {
            return null;
        }

        var user = DefaultsValue(Path.Join(host.RootDirPath, "Library", "Preferences", "com.apple.loginwindow"), "autoLoginUser");
        return user is not null && loginPasswords.TryGetValue(user, out var password) && DecodeKcPassword(File.ReadAllBytes(kcpassword)) == password
            ? user
            : null;
    }

    /// <summary>A value the fake `defaults` stored (defaults.store: domain, key, value; tab-separated).</summary>
    private string? DefaultsValue(string domain, string key)
    {
        var store = Path.Join(host.ToolsDirPath, "defaults.store");
        return File.Exists(store)
            ? File.ReadAllLines(store).Select(line => line.Split('\t')).LastOrDefault(f => f.Length == 3 && f[0] == domain && f[1] == key)?[2]
            : null;
    }

    private static string DecodeKcPassword(byte[] bytes)
    {
        var plain = bytes.Select((b, i) => (byte)(b ^ KcPasswordKey[i % KcPasswordKey.Length])).TakeWhile(b => b != 0).ToArray();
        return Encoding.UTF8.GetString(plain);
    }
}
