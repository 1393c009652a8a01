using System.Diagnostics;
using System.Text;

namespace RigBootstrap.Processes;

/// <summary>Turns a <see cref="CommandSpec"/> into the <see cref="ProcessStartInfo"/> that starts it.</summary>
internal static class ProcessStartInfoFactory
{
    public static ProcessStartInfo Create(CommandSpec spec)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var startInfo = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No BOM: closing the stdin writer would otherwise emit one into a child that got no input.
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
        };

        // ArgumentList, never Arguments: on Unix a string is re-split with Windows quoting rules.
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (spec.WorkingDirPath is not null)
        {
            startInfo.WorkingDirectory = spec.WorkingDirPath;
        }

        if (!string.IsNullOrEmpty(spec.UserName))
        {
            // .NET switches uid, gid and supplementary groups in the child before exec (root only).
            startInfo.UserName = spec.UserName;
        }

        // The Environment dictionary starts as a copy of ours: overrides replace, null removes.
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }
}
