using System.Globalization;

namespace RigBootstrap.Core.Adapters.Linux;

/// <summary>
/// Parses `systemctl show -p LoadState,ActiveState,SubState,MainPID,ExecMainStatus,NRestarts UNIT` (KEY=value lines,
/// in any order). LoadState=not-found means the unit is not loaded at all.
/// </summary>
public static class SystemctlShowParser
{
    public static ServiceStatus? Parse(string label, string output)
    {
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        if (!values.TryGetValue("LoadState", out var loadState))
        {
            throw new ToolOutputException($"systemctl show for {label} printed no LoadState: {output.Trim()}");
        }

        if (loadState is "not-found" or "masked")
        {
            return null;
        }

        var active = values.GetValueOrDefault("ActiveState");
        var sub = values.GetValueOrDefault("SubState");
        var pid = Int(values, "MainPID");
        var restarts = Int(values, "NRestarts");
        // An exited oneshot or a stopped unit has no main PID; only a running one counts as running.
        return new ServiceStatus(
            label,
            sub is null ? active : $"{active} ({sub})",
            active == "active" && pid is > 0 ? pid : null,
            Int(values, "ExecMainStatus"),
            restarts is null ? null : restarts + 1);
    }

    private static int? Int(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
