using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// What `codesign --display --verbose=2 PATH` says of a signature, read from its <c>Key=value</c> lines (written to
/// stderr): <c>Signature=adhoc</c> for an ad-hoc signature, else <c>Authority=</c> lines from the leaf certificate
/// up, and <c>TeamIdentifier=</c> (<c>not set</c> when ad-hoc). Sample: ocaml/dune issue #5650.
/// </summary>
public sealed partial record CodesignDisplay(bool IsAdHoc, string? Authority, string? TeamId, string? CdHash)
{
    public static CodesignDisplay Parse(string output)
    {
        string? Value(string key) => Line().Matches(output)
            .Where(m => m.Groups["key"].Value == key)
            .Select(m => m.Groups["value"].Value.Trim())
            .FirstOrDefault();

        var team = Value("TeamIdentifier");
        return new CodesignDisplay(
            Value("Signature") == "adhoc",
            Value("Authority"),
            team is null or "not set" ? null : team,
            Value("CDHash"));
    }

    [GeneratedRegex("^(?<key>[A-Za-z][A-Za-z. ]*)=(?<value>.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
