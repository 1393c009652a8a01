using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;dict&gt;</c> that keeps its keys in the order given and refuses duplicates.</summary>
public sealed record PlistDictionary : PlistValue
{
    public PlistDictionary(ImmutableArray<KeyValuePair<string, PlistValue>> entries)
    {
        Entries = entries;
    }

    public static PlistDictionary Empty { get; } = new([]);

    public ImmutableArray<KeyValuePair<string, PlistValue>> Entries
    {
        get;
        init
        {
            var entries = value.IsDefault ? [] : value;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, item) in entries)
            {
                if (key is null || item is null)
                {
                    throw new ArgumentException("A plist dictionary entry needs a key and a value.", nameof(value));
                }

                // launchd (like CFPropertyList) keeps only one of two equal keys; refuse rather than guess which.
                if (!seen.Add(key))
                {
                    throw new ArgumentException($"The plist dictionary key '{key}' appears more than once.", nameof(value));
                }
            }

            field = entries;
        }
    }

    public IEnumerable<string> Keys => Entries.Select(entry => entry.Key);

    public bool TryGetValue(string key, [NotNullWhen(true)] out PlistValue? value)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    // Key order is part of the value: the writer renders entries in exactly this order.
    public bool Equals(PlistDictionary? other) =>
        other is not null
        && Entries.Length == other.Entries.Length
        && Entries.Zip(other.Entries).All(pair =>
            string.Equals(pair.First.Key, pair.Second.Key, StringComparison.Ordinal)
            && pair.First.Value.Equals(pair.Second.Value));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, item) in Entries)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
