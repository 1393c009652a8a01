using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary><see cref="ILoginWindow"/> over the real `defaults`, `fdesetup` and `stat`, and the kcpassword file.</summary>
/// <remarks>
/// Autologin is set the way the login window itself stores it: `/etc/kcpassword` (root:wheel 0600, written by us
/// with <see cref="KcPassword.Encode"/>) plus `autoLoginUser` in /Library/Preferences/com.apple.loginwindow. Not
/// `sysadminctl -autologin set -password -`: its usage says "Pass '-' instead of password … to request prompt",
/// a terminal prompt a launchd daemon cannot answer, and nothing documents that it reads a pipe; the other form
/// puts the password in argv. sysadminctl also fails with `SACSetAutoLoginPassword error:22` on some releases
/// (freegeek-pdx/mkuser #5). The kcpassword method is what CI image builders use (cirruslabs/macos-image-templates).
/// It does not check the password: the step's verify after the reboot does, by asking who owns the console.
/// </remarks>
public sealed class LoginWindowTool : ILoginWindow
{
    private const string AutoLoginUserKey = "autoLoginUser";
    private const string DisableAutoLoginKey = "com.apple.login.mcx.DisableAutoLoginClient";
    // "Use iCloud for login" adds ";AppleID;<address>" to the account's authentication authorities.
    private const string AppleIdAuthority = ";AppleID;";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly HostPaths _paths;

    public LoginWindowTool(IProcessRunner runner, ToolTable tools, HostPaths paths)
    {
        _runner = runner;
        _tools = tools;
        _paths = paths;
    }

    public async Task<string?> GetAutoLoginUserAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(ToolNames.Defaults, ["read", _paths.LoginWindowPreferencesPath, AutoLoginUserKey], cancellationToken);
        if (result.ExitCode == 0)
        {
            var user = result.StdoutTail.Trim();
            return user.Length == 0 ? null : user;
        }

        // `defaults read` exits 1 with "The domain/default pair of (…, autoLoginUser) does not exist" when unset.
        if (result.StderrTail.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        throw new LoginWindowException(
            $"defaults read {_paths.LoginWindowPreferencesPath} {AutoLoginUserKey} failed (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}; run it by hand as root to see why");
    }

    public Task<string?> ReadAutoLoginPasswordAsync(CancellationToken cancellationToken) =>
        Task.FromResult(KcPasswordFile.Read(_paths.KcPasswordPath));

    public async Task<bool> IsFileVaultOnAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(ToolNames.Fdesetup, ["status"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LoginWindowException($"fdesetup status failed (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}; check FileVault in System Settings");
        }

        try
        {
            return FdesetupStatusParser.Parse(result.StdoutTail).BlocksAutologin;
        }
        catch (FormatException ex)
        {
            throw new LoginWindowException(ex.Message);
        }
    }

    public async Task<bool> IsAutoLoginForbiddenByProfileAsync(CancellationToken cancellationToken)
    {
        var path = _paths.ManagedLoginWindowPreferencesPath;
        var result = await RunAsync(ToolNames.Defaults, ["read", path, DisableAutoLoginKey], cancellationToken);
        if (result.ExitCode == 0)
        {
            // `defaults read` prints a boolean as 1 or 0.
            return result.StdoutTail.Trim() is "1" or "true" or "YES";
        }

        // "Domain … does not exist" (no loginwindow payload installed) or "The domain/default pair … does not exist".
        if (result.StderrTail.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new LoginWindowException(
            $"defaults read \"{path}\" {DisableAutoLoginKey} failed (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}; run it by hand as root to see why");
    }

    public async Task<bool> UsesAppleAccountPasswordAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var result = await RunAsync(ToolNames.Dscl, [".", "-read", "/Users/" + userName, "AuthenticationAuthority"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LoginWindowException(
                $"dscl . -read /Users/{userName} AuthenticationAuthority failed (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}; check that {userName} is a local account");
        }

        return DsclAttributeParser.Values(result.StdoutTail, "AuthenticationAuthority")
            .Any(value => value.StartsWith(AppleIdAuthority, StringComparison.OrdinalIgnoreCase));
    }

    public async Task EnableAutoLoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        // The password file first: loginwindow never finds a user to log in without the password to do it.
        KcPasswordFile.Write(_paths.KcPasswordPath, password);
        var result = await RunAsync(ToolNames.Defaults, ["write", _paths.LoginWindowPreferencesPath, AutoLoginUserKey, "-string", userName], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LoginWindowException(
                $"defaults write {_paths.LoginWindowPreferencesPath} {AutoLoginUserKey} failed (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}; rig-bootstrap must run as root");
        }
    }

    public async Task<string> GetConsoleUserAsync(CancellationToken cancellationToken)
    {
        // The owner of /dev/console is the user at the GUI; root while the login window shows.
        var result = await RunAsync(ToolNames.Stat, ["-f", "%Su", "/dev/console"], cancellationToken);
        var user = result.StdoutTail.Trim();
        return result.ExitCode == 0 && user.Length > 0
            ? user
            : throw new LoginWindowException($"stat -f %Su /dev/console failed (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}");
    }

    private Task<ProcessResult> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(_runner, ToolCall.Spec(_tools, tool, [.. arguments], ToolTimeout),
            _ => new LoginWindowException($"{tool} did not finish within {ToolTimeout.TotalSeconds:0} s and was stopped"), cancellationToken);
}
