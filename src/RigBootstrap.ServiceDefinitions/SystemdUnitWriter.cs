using System.Globalization;
using System.Text;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>Renders a <see cref="SystemdUnit"/> as a unit file: [Unit], [Service], [Install], LF line endings.</summary>
public static class SystemdUnitWriter
{
    /// <exception cref="ArgumentException">A value holds a character a unit file cannot carry; the message names the setting.</exception>
    public static string Write(SystemdUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var text = new StringBuilder();
        text.Append("[Unit]\n");
        Line(text, "Description", SystemdValueEscaping.Plain(unit.Description, "Description"));
        Line(text, "Wants", unit.Wants.IsEmpty ? null : string.Join(' ', unit.Wants));
        Line(text, "After", unit.After.IsEmpty ? null : string.Join(' ', unit.After));
        Line(text, "StartLimitIntervalSec", unit.StartLimitIntervalSec);
        Line(text, "StartLimitBurst", unit.StartLimitBurst);

        text.Append("\n[Service]\n");
        Line(text, "Type", unit.Type);
        Line(text, "ExecStart", SystemdValueEscaping.CommandLine(unit.ExecStart));
        Line(text, "Restart", unit.Restart);
        Line(text, "RestartSec", unit.RestartSec);
        Line(text, "SuccessExitStatus", unit.SuccessExitStatus.IsEmpty ? null : string.Join(' ', unit.SuccessExitStatus.Select(s => s.ToString(CultureInfo.InvariantCulture))));
        foreach (var (name, value) in unit.Environment)
        {
            Line(text, "Environment", SystemdValueEscaping.EnvironmentAssignment(name, value));
        }

        Line(text, "WorkingDirectory", unit.WorkingDirectory is null ? null : SystemdValueEscaping.Plain(unit.WorkingDirectory, "WorkingDirectory"));
        Line(text, "User", unit.User is null ? null : SystemdValueEscaping.Plain(unit.User, "User"));

        // An [Install] section with nothing in it would only draw a warning from systemd.
        if (!unit.WantedBy.IsEmpty)
        {
            text.Append("\n[Install]\n");
            Line(text, "WantedBy", string.Join(' ', unit.WantedBy));
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }
    }

    private static void Line(StringBuilder text, string key, int? value) =>
        Line(text, key, value?.ToString(CultureInfo.InvariantCulture));
}
