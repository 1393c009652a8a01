using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Parses `diskutil apfs listUsers /`: a header, then one `+-- <UUID>` per cryptographic user with indented
/// `Type:` and, from macOS 11, `Volume Owner: Yes|No` lines, drawn with `|   ` or four spaces (fixtures
/// diskutil-apfs-listusers-*.txt; the Volume Owner line as scripts match it, e.g. macadmins' extension attributes).
/// </summary>
public static class DiskutilApfsUsersParser
{
    public static ImmutableArray<ApfsCryptoUser> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var users = ImmutableArray.CreateBuilder<ApfsCryptoUser>();
        string? uuid = null;
        string type = "";
        bool? owner = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimStart('|', ' ', '\t').TrimEnd();
            if (line.StartsWith("+--", StringComparison.Ordinal))
            {
                Flush();
                uuid = line[3..].Trim();
                type = "";
                owner = null;
            }
            else if (uuid is not null && line.StartsWith("Type:", StringComparison.Ordinal))
            {
                type = line["Type:".Length..].Trim();
            }
            else if (uuid is not null && line.StartsWith("Volume Owner:", StringComparison.Ordinal))
            {
                owner = line["Volume Owner:".Length..].Trim().Equals("Yes", StringComparison.OrdinalIgnoreCase);
            }
        }

        Flush();
        if (users.Count == 0 && !output.Contains("Cryptographic users", StringComparison.Ordinal))
        {
            throw new ToolOutputException($"diskutil apfs listUsers / printed no cryptographic users: '{ToolOutputExcerpt.Of(output)}'");
        }

        return users.ToImmutable();

        void Flush()
        {
            if (uuid is not null)
            {
                users.Add(new ApfsCryptoUser(uuid, type, owner));
            }
        }
    }
}
