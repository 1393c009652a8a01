using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RigBootstrap.Core.Adapters;

/// <summary>A macOS version such as <c>15</c>, <c>15.1</c> or <c>15.7.1</c>, ordered component by component.</summary>
/// <remarks>
/// Missing components count as 0, so <c>15</c>, <c>15.0</c> and <c>15.0.0</c> are the same version (equal and
/// with the same hash). <see cref="ToString"/> gives <c>Major.Minor</c>, plus <c>.Patch</c> when it is not 0.
/// </remarks>
public sealed record MacOsVersion : IComparable<MacOsVersion>
{
    public MacOsVersion(int major, int minor = 0, int patch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        ArgumentOutOfRangeException.ThrowIfNegative(patch);
        Major = major;
        Minor = minor;
        Patch = patch;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>Parses one to three dot-separated decimal components, with no spaces or signs.</summary>
    /// <exception cref="FormatException">Anything else; the message quotes the text and shows the expected form.</exception>
    public static MacOsVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version)
            ? version
            : throw new ToolOutputException(
                $"'{ToolOutputExcerpt.Of(text)}' is not a macOS version; write it as 1 to 3 numbers separated by dots, such as 15, 15.1 or 15.7.1.");
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MacOsVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length > 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            // NumberStyles.None rejects signs, spaces and thousands separators: "15.1 " or "+15" are not versions.
            if (parts[i].Length == 0 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new MacOsVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public int CompareTo(MacOsVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byMajor = Major.CompareTo(other.Major);
        if (byMajor != 0)
        {
            return byMajor;
        }

        var byMinor = Minor.CompareTo(other.Minor);
        return byMinor != 0 ? byMinor : Patch.CompareTo(other.Patch);
    }

    public static bool operator <(MacOsVersion? left, MacOsVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(MacOsVersion? left, MacOsVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(MacOsVersion? left, MacOsVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(MacOsVersion? left, MacOsVersion? right) => Compare(left, right) >= 0;

    public override string ToString() =>
        Patch == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    // null sorts first, as Comparer<T>.Default does.
    private static int Compare(MacOsVersion? left, MacOsVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
