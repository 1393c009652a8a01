using System.Globalization;

namespace RigBootstrap.Core.Downloads;

/// <summary>Byte counts for people: 1023 B, 4.0 MB, 11.9 GB (decimal units, as Finder and curl's progress show them).</summary>
public static class ByteText
{
    public static string Of(long bytes) => bytes switch
    {
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        < 1000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
    };
}
