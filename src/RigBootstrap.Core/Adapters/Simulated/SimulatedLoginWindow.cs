using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// The login window of the simulated Mac. The loginwindow setting, the FileVault flag and the console user are files
/// under the simulator's `loginwindow` folder; `/etc/kcpassword` lives where it does on a Mac, under the host root.
/// As on a Mac, a new autologin setting changes nothing until the next boot, when <see cref="LogInAtBoot"/> runs.
/// </summary>
public sealed class SimulatedLoginWindow(SimulatedMac mac) : ILoginWindow
{
    /// <summary>Who owns the console while the login window shows.</summary>
    public const string NobodyAtConsole = "root";

    public string DirPath => Path.Join(mac.DirPath, "loginwindow");

    private string AutoLoginUserPath => Path.Join(DirPath, "autoLoginUser");

    private string FileVaultOnPath => Path.Join(DirPath, "filevault-on");

    private string ConsoleUserPath => Path.Join(DirPath, "console-user");

    private string AccountsDirPath => Path.Join(DirPath, "accounts");

    private string AutoLoginForbiddenPath => Path.Join(DirPath, "managed-disable-autologin");

    private string AppleAccountsDirPath => Path.Join(DirPath, "apple-account");

    public Task<string?> GetAutoLoginUserAsync(CancellationToken cancellationToken) => Task.FromResult(ReadAutoLoginUser());

    public Task<string?> ReadAutoLoginPasswordAsync(CancellationToken cancellationToken) =>
        Task.FromResult(KcPasswordFile.Read(mac.Paths.KcPasswordPath));

    public Task<bool> IsFileVaultOnAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(FileVaultOnPath));

    public Task<bool> IsAutoLoginForbiddenByProfileAsync(CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(AutoLoginForbiddenPath));

    public Task<bool> UsesAppleAccountPasswordAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Path.Join(AppleAccountsDirPath, userName)));

    /// <summary>Installs (or removes) a profile whose loginwindow payload sets DisableAutoLoginClient.</summary>
    public void SetAutoLoginForbiddenByProfile(bool forbidden)
    {
        Directory.CreateDirectory(DirPath);
        if (forbidden)
        {
            File.WriteAllText(AutoLoginForbiddenPath, "com.apple.login.mcx.DisableAutoLoginClient = 1\n");
        }
        else
        {
            File.Delete(AutoLoginForbiddenPath);
        }
    }

    /// <summary>Makes the account sign in with its Apple Account password (an `;AppleID;` authority).</summary>
    public void UseAppleAccountPassword(string userName)
    {
        Directory.CreateDirectory(AppleAccountsDirPath);
        File.WriteAllText(Path.Join(AppleAccountsDirPath, userName), ";AppleID;" + userName + "@example.invalid\n");
    }

    public Task EnableAutoLoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        KcPasswordFile.Write(mac.Paths.KcPasswordPath, password);
        Directory.CreateDirectory(DirPath);
        File.WriteAllText(AutoLoginUserPath, userName + "\n");
        return Task.CompletedTask;
    }

    /// <summary>The user logged in at the GUI, or null while the login window shows.</summary>
    public string? ConsoleUser => File.Exists(ConsoleUserPath) ? File.ReadAllText(ConsoleUserPath).Trim() : null;

    public Task<string> GetConsoleUserAsync(CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(ConsoleUserPath) ? File.ReadAllText(ConsoleUserPath).Trim() : NobodyAtConsole);

    /// <summary>
    /// What loginwindow does at boot; the power cycle calls it after the new boot id. It logs the autologin user in when
    /// `autoLoginUser` and `/etc/kcpassword` are set, FileVault is off, no profile forbids it, and the password is the account's (when the
    /// simulation knows the account's password); otherwise the login window shows and nobody is logged in.
    /// </summary>
    /// <returns>The user now at the console, or null for nobody.</returns>
    public string? LogInAtBoot()
    {
        Directory.CreateDirectory(DirPath);
        File.Delete(ConsoleUserPath);
        var user = ReadAutoLoginUser();
        var password = KcPasswordFile.Read(mac.Paths.KcPasswordPath);
        if (user is null || password is null || File.Exists(FileVaultOnPath) || File.Exists(AutoLoginForbiddenPath) || !PasswordMatches(user, password))
        {
            return null;
        }

        File.WriteAllText(ConsoleUserPath, user + "\n");
        return user;
    }

    /// <summary>A person logs in at the console (tests and rehearsals); the login window's own way is <see cref="LogInAtBoot"/>.</summary>
    public void LogInAtConsole(string user)
    {
        Directory.CreateDirectory(DirPath);
        File.WriteAllText(ConsoleUserPath, user + "\n");
    }

    /// <summary>Turns FileVault on or off on the simulated Mac (an operator's action, for rehearsals and tests).</summary>
    public void SetFileVault(bool on)
    {
        Directory.CreateDirectory(DirPath);
        if (on)
        {
            File.WriteAllText(FileVaultOnPath, "on\n");
        }
        else
        {
            File.Delete(FileVaultOnPath);
        }
    }

    /// <summary>Gives the simulated account a login password (0600); without one, any kcpassword logs the user in.</summary>
    public void SetAccountPassword(string userName, string password)
    {
        Directory.CreateDirectory(AccountsDirPath);
        SecretFile.WriteAtomically(Path.Join(AccountsDirPath, userName), password);
    }

    /// <summary>True when the account accepts the password, or when the simulation does not know the account's password.</summary>
    public bool AcceptsPassword(string userName, string password) => PasswordMatches(userName, password);

    private bool PasswordMatches(string userName, string password)
    {
        var accountPath = Path.Join(AccountsDirPath, userName);
        return !File.Exists(accountPath) || File.ReadAllText(accountPath) == password;
    }

    private string? ReadAutoLoginUser()
    {
        var user = File.Exists(AutoLoginUserPath) ? File.ReadAllText(AutoLoginUserPath).Trim() : "";
        return user.Length == 0 ? null : user;
    }
}
