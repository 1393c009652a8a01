using System.Text;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="IKeychain"/> over the real `security`, resolved from the tool table and run in the keychain user's
/// session: `launchctl asuser &lt;uid&gt; sudo -u &lt;user&gt; security …`.
/// </summary>
/// <remarks>
/// A root daemon that only switches uid stays in launchd's system bootstrap namespace and outside the user's security
/// session, where the login keychain autologin unlocked still looks locked (errSecInteractionNotAllowed); `asuser`
/// runs the command in the user's bootstrap namespace and `sudo -u` as the user (launchctl(1) `asuser`; the form
/// macadmins tools use, e.g. Macjutsu/super's `launchctl asuser "$uid" sudo -u "$user" …`).
///
/// The value never goes into argv. `add-generic-password -w VALUE` would show it to `ps`, and `-w` as the last
/// option prompts twice through getpass(3), which wants a terminal a daemon does not have. So the command goes to
/// `security -i` on stdin, which reads one line and splits it like a shell (Apple's SecurityTool/security.c,
/// `split_line`, lines of at most 4096 bytes); the approach is the one jaraco/keyring #145 and
/// microsoft/Git-Credential-Manager-for-Mac-and-Linux #27 took. The value travels as `-X hex` (keychain_add.c:
/// "Specify password data to be added as a hexadecimal string"), so no quoting or newline in it can break the line.
/// In that mode `security` exits with the status of the last command, so 44/45/51/36 still mean what they mean.
/// </remarks>
public sealed class KeychainTool : IKeychain
{
    // security.c reads each interactive line into a 4096-byte buffer (the NUL included).
    private const int MaxInteractiveLineBytes = 4095;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly UserIds _ids;

    public KeychainTool(IProcessRunner runner, ToolTable tools, UserIds ids)
    {
        _runner = runner;
        _tools = tools;
        _ids = ids;
    }

    public async Task<bool> ExistsAsync(KeychainFile keychain, string service, string account, CancellationToken cancellationToken)
    {
        var result = await RunAsync(keychain, ["find-generic-password", "-s", service, "-a", account, keychain.Path], StandardInput.None, [], cancellationToken);
        return result.ExitCode switch
        {
            0 => true,
            SecurityExitCodes.ItemNotFound => false,
            _ => throw Failure(result, keychain, service, account, "look up"),
        };
    }

    public async Task<string?> ReadAsync(KeychainFile keychain, string service, string account, CancellationToken cancellationToken)
    {
        // -w prints the value and a newline on stdout: the result stays in memory and is never logged.
        var result = await RunAsync(keychain, ["find-generic-password", "-s", service, "-a", account, "-w", keychain.Path], StandardInput.None, [], cancellationToken);
        return result.ExitCode switch
        {
            0 => result.StdoutTail.EndsWith('\n') ? result.StdoutTail[..^1] : result.StdoutTail,
            SecurityExitCodes.ItemNotFound => null,
            _ => throw Failure(result, keychain, service, account, "read"),
        };
    }

    public async Task SetAsync(KeychainFile keychain, string service, string account, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret));
        var line = string.Join(' ', "add-generic-password", "-U", "-s", Quote(service), "-a", Quote(account), "-X", hex, Quote(keychain.Path)) + "\n";
        if (Encoding.UTF8.GetByteCount(line) > MaxInteractiveLineBytes)
        {
            throw new ArgumentException(
                $"the value for service \"{service}\" account \"{account}\" is too long for `security -i` ({secret.Length} characters; "
                + $"the hex-encoded command must fit in {MaxInteractiveLineBytes} bytes, so about 1,900 bytes of value); store a shorter value",
                nameof(secret));
        }

        var result = await RunAsync(keychain, ["-i"], StandardInput.FromText(line), [secret, hex], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw Failure(result, keychain, service, account, "set");
        }
    }

    // Double quotes with backslash escapes, as security.c's split_line reads them; a newline would end the command.
    private static string Quote(string word)
    {
        if (word.Contains('\n') || word.Contains('\r') || word.Contains('\0'))
        {
            throw new ArgumentException($"\"{word.ReplaceLineEndings(" ")}\" holds a line break or NUL, which `security -i` cannot take; rename it", nameof(word));
        }

        return "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private async Task<ProcessResult> RunAsync(
        KeychainFile keychain, string[] arguments, StandardInput input, string[] secrets, CancellationToken cancellationToken)
    {
        var spec = ToolCall.Spec(_tools, ToolNames.Security, [.. arguments], ToolTimeout) with
        {
            StandardInput = input,
            Secrets = [.. secrets],
        };
        if (keychain.UserName is { } user)
        {
            int uid;
            try
            {
                uid = await _ids.UidOfAsync(user, cancellationToken);
            }
            catch (ServiceManagerException ex)
            {
                throw new KeychainException(SecurityErrorKind.Other, $"could not reach {keychain}: {ex.Message}");
            }

            // The value still goes on stdin only: asuser and sudo pass stdin through to security. -H sets HOME to the
            // user's: macOS's sudoers keeps the caller's HOME (env_keep), and the Security framework reads its
            // per-user preferences from there.
            spec = spec with
            {
                FileName = _tools.PathOf(ToolNames.Launchctl),
                Arguments = ["asuser", uid.ToString(System.Globalization.CultureInfo.InvariantCulture), _tools.PathOf(ToolNames.Sudo), "-H", "-u", user,
                    _tools.PathOf(ToolNames.Security), .. arguments],
            };
        }

        return await ToolCall.RunAsync(_runner, spec, _ => new KeychainException(SecurityErrorKind.Other,
            $"security did not finish within {ToolTimeout.TotalSeconds:0} s on {keychain} and was stopped; it may be waiting for a keychain prompt nobody can answer"),
            cancellationToken);
    }

    private static KeychainException Failure(ProcessResult result, KeychainFile keychain, string service, string account, string verb)
    {
        var kind = SecurityExitCodes.Classify(result.ExitCode, result.StderrTail);
        var item = $"service \"{service}\" account \"{account}\" in {keychain}";
        var stderr = result.StderrTail.Trim().Length == 0 ? "" : $" security said: {ToolOutputExcerpt.Of(result.StderrTail)}";
        return new KeychainException(kind, $"could not {verb} the keychain item: {SecurityExitCodes.Describe(kind, item)} (exit {result.ExitCode}).{stderr}");
    }
}
