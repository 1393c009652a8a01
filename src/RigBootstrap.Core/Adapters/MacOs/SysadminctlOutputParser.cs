using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads the NSLog-style stderr of <c>sysadminctl -autologin set</c>.</summary>
/// <remarks>
/// Each line looks like <c>2022-08-27 11:42:57.595 sysadminctl[1288:10610] SACSetAutoLoginPassword error:22</c>.
/// Lines without that prefix are kept as messages too. Unknown messages leave every field at its default.
/// </remarks>
public static partial class SysadminctlOutputParser
{
    public static SysadminctlAutologinOutput Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var result = new SysadminctlAutologinOutput();
        var messages = ImmutableArray.CreateBuilder<string>();
        foreach (var line in stderr.Split('\n'))
        {
            var message = NsLogPrefix().Replace(line.Trim(), string.Empty);
            if (message.Length == 0)
            {
                continue;
            }

            messages.Add(message);
            var error = SetPasswordError().Match(message);
            if (error.Success && result.SetPasswordErrorCode is null)
            {
                // The code is not documented; keep it for the operator. An unreadable code still means failure.
                result = result with
                {
                    SetPasswordErrorCode = int.TryParse(error.Groups["code"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : -1,
                };
            }
            else if (message.StartsWith("Automatic login is OFF", StringComparison.OrdinalIgnoreCase))
            {
                result = result with { ReportsAutomaticLoginOff = true };
            }
        }

        return result with { Messages = messages.ToImmutable() };
    }

    /// <summary>One sentence for an operator when <see cref="SysadminctlAutologinOutput.Failed"/> is true.</summary>
    public static string DescribeFailure(SysadminctlAutologinOutput output, string userName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var code = output.SetPasswordErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return $"sysadminctl could not set the autologin password for {userName} (SACSetAutoLoginPassword error:{code}); "
            + "check that the password in the secrets file is that user's login password and that FileVault is off (`fdesetup status`), then retry the step.";
    }

    // "<date> <time> sysadminctl[<pid>:<tid>] ", as NSLog writes it.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+ sysadminctl\[[0-9]+:[0-9a-fx]+\] ")]
    private static partial Regex NsLogPrefix();

    [GeneratedRegex(@"SACSetAutoLoginPassword error:\s*(?<code>-?[0-9]+)?")]
    private static partial Regex SetPasswordError();
}
