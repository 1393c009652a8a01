namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Parses `xip --expand` (xip(1)): `xip: signing certificate was "Software Update" (validation not attempted)` then
/// `xip: expanded items from "PATH"` on success; `xip: error: …` on stderr on failure (samples in tests/Fixtures/macos).
/// </summary>
public static class XipOutputParser
{
    private const string Prefix = "xip: ";
    private const string CertificatePrefix = "xip: signing certificate was \"";
    private const string ExpandedPrefix = "xip: expanded items from \"";
    private const string ErrorPrefix = "xip: error: ";

    public static XipExpandOutput Parse(string stdout, string stderr)
    {
        var output = new XipExpandOutput();
        foreach (var raw in (stdout + "\n" + stderr).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith(CertificatePrefix, StringComparison.Ordinal))
            {
                output = output with { SigningCertificate = Quoted(line[CertificatePrefix.Length..]) };
            }
            else if (line.StartsWith(ExpandedPrefix, StringComparison.Ordinal))
            {
                output = output with { ExpandedFrom = Quoted(line[ExpandedPrefix.Length..]) };
            }
            else if (line.StartsWith(ErrorPrefix, StringComparison.Ordinal) && output.Error is null)
            {
                output = output with { Error = line[ErrorPrefix.Length..] };
            }
        }

        return output;
    }

    /// <summary>The operator's fix for a failed expand, from what xip said.</summary>
    public static string FixFor(XipExpandOutput output)
    {
        var error = output.Error ?? "";
        if (error.Contains("Operation not permitted", StringComparison.Ordinal))
        {
            // XcodesOrg/xcodes #386: xip could not move the expanded bundle into place; Full Disk Access fixed it there.
            return "give rig-bootstrap Full Disk Access (a PPPC profile with SystemPolicyAllFiles for its installed binary, from MDM), then `rig-bootstrap retry xcode`";
        }

        if (error.Contains("enough free space", StringComparison.Ordinal))
        {
            return "free disk space on the /Applications volume (an expanded Xcode takes about twice its .xip; see `rig-bootstrap doctor`), then `rig-bootstrap retry xcode`";
        }

        if (error.Contains("damaged", StringComparison.Ordinal))
        {
            return "the archive does not expand although its SHA-256 matched the pin: check that steps.xcode.xip.sha256 is the hash of a real Xcode .xip";
        }

        return "check free disk space on the /Applications volume and that rig-bootstrap has Full Disk Access";
    }

    private static string Quoted(string rest)
    {
        var end = rest.IndexOf('"', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }
}
