using System.Collections.Immutable;

namespace RigBootstrap.Age;

/// <summary>
/// An identity file as age reads it (`age -i`): one `AGE-SECRET-KEY-1…` per line; `#` comments and blank lines are
/// skipped. Faults name the file and line, never the key. Dispose to zero every identity.
/// </summary>
public sealed class IdentityFile : IDisposable
{
    private IdentityFile(ImmutableArray<X25519Identity> identities) => Identities = identities;

    public ImmutableArray<X25519Identity> Identities { get; }

    /// <summary>Throws <see cref="AgeException"/>: KeyFileMissing when absent, KeyFileUnreadable naming the line otherwise.</summary>
    public static IdentityFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AgeException(AgeErrorKind.KeyFileMissing, $"the age identity file {path} does not exist");
        }

        return Parse(text, path);
    }

    /// <summary>Parses identity file text; <paramref name="source"/> names it in messages.</summary>
    public static IdentityFile Parse(string text, string source)
    {
        var identities = ImmutableArray.CreateBuilder<X25519Identity>();
        try
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r').Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                try
                {
                    identities.Add(X25519Identity.Parse(line));
                }
                catch (AgeException ex)
                {
                    throw new AgeException(AgeErrorKind.KeyFileUnreadable, $"{source} line {i + 1}: {ex.Message}");
                }
            }
        }
        catch
        {
            foreach (var identity in identities)
            {
                identity.Dispose();
            }

            throw;
        }

        return identities.Count > 0 ? new IdentityFile(identities.ToImmutable())
            : throw new AgeException(AgeErrorKind.KeyFileUnreadable, $"{source} holds no AGE-SECRET-KEY-1… line; make one with `rig-bootstrap age keygen -o FILE`");
    }

    public void Dispose()
    {
        foreach (var identity in Identities)
        {
            identity.Dispose();
        }
    }
}
