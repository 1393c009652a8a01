using System.Collections.Immutable;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;array&gt;</c>; equal to another array with equal items in the same order.</summary>
public sealed record PlistArray : PlistValue
{
    public PlistArray(ImmutableArray<PlistValue> items)
    {
        Items = items;
    }

    public ImmutableArray<PlistValue> Items
    {
        get;
        init
        {
            var items = value.IsDefault ? [] : value;
            if (items.Any(item => item is null))
            {
                throw new ArgumentException("A plist array cannot hold a null item.", nameof(value));
            }

            field = items;
        }
    }

    // Record equality would compare the ImmutableArray by reference; a plist value is data, so compare items.
    public bool Equals(PlistArray? other) =>
        other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
