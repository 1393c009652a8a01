namespace RigBootstrap.Core.Adapters;

/// <summary>One update offered by <c>softwareupdate --list</c>.</summary>
public sealed record SoftwareUpdate
{
    /// <summary>What <c>softwareupdate --install &lt;label&gt;</c> takes, such as <c>macOS Ventura 13.1-22C65</c>.</summary>
    public required string Label { get; init; }

    public required string Title { get; init; }

    /// <summary>The update's own version (<c>14.0</c> for Safari), not necessarily a macOS version.</summary>
    public required string Version { get; init; }

    /// <summary>The size in KiB (<c>K</c> in older releases, <c>KiB</c> in newer ones); null when missing or unreadable.</summary>
    public long? SizeKiB { get; init; }

    public bool Recommended { get; init; }

    /// <summary>Null when the output has no action: Catalina has no <c>Action:</c> field, Mojave only a <c>[restart]</c> flag.</summary>
    public SoftwareUpdateAction? Action { get; init; }

    /// <summary><c>Deferred: YES</c>: an MDM defers the update, so installing it now may be refused.</summary>
    public bool Deferred { get; init; }
}
