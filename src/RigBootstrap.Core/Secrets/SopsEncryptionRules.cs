using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Which values SOPS encrypted: at most one of `unencrypted_suffix` (default `_unencrypted`), `encrypted_suffix`,
/// `unencrypted_regex`, `encrypted_regex`, each tested against every key on the value's path (SOPS `shouldBeEncrypted`).
/// </summary>
public sealed record SopsEncryptionRules
{
    public const string DefaultUnencryptedSuffix = "_unencrypted";

    // Patterns come from the file; a timeout keeps a hostile one from stalling the run.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex? _unencryptedRegex;
    private readonly Regex? _encryptedRegex;

    private SopsEncryptionRules(string? unencryptedSuffix, string? encryptedSuffix, string? unencryptedRegex, string? encryptedRegex)
    {
        UnencryptedSuffix = unencryptedSuffix;
        EncryptedSuffix = encryptedSuffix;
        UnencryptedRegex = unencryptedRegex;
        EncryptedRegex = encryptedRegex;
        _unencryptedRegex = unencryptedRegex is null ? null : new Regex(unencryptedRegex, RegexOptions.CultureInvariant, RegexTimeout);
        _encryptedRegex = encryptedRegex is null ? null : new Regex(encryptedRegex, RegexOptions.CultureInvariant, RegexTimeout);
    }

    public string? UnencryptedSuffix { get; }

    public string? EncryptedSuffix { get; }

    public string? UnencryptedRegex { get; }

    public string? EncryptedRegex { get; }

    public static SopsEncryptionRules Default { get; } = new(DefaultUnencryptedSuffix, null, null, null);

    /// <summary>Builds the rules; throws <see cref="ArgumentException"/> when more than one is set or a pattern does not compile.</summary>
    public static SopsEncryptionRules Create(string? unencryptedSuffix, string? encryptedSuffix, string? unencryptedRegex, string? encryptedRegex)
    {
        var set = new[] { unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex }.Count(s => !string.IsNullOrEmpty(s));
        if (set > 1)
        {
            throw new ArgumentException("more than one of unencrypted_suffix, encrypted_suffix, unencrypted_regex and encrypted_regex is set; SOPS allows one");
        }

        return set == 0
            ? Default
            : new SopsEncryptionRules(NullIfEmpty(unencryptedSuffix), NullIfEmpty(encryptedSuffix), NullIfEmpty(unencryptedRegex), NullIfEmpty(encryptedRegex));
    }

    /// <summary>True when SOPS encrypts the value at this key path.</summary>
    public bool ShouldBeEncrypted(ImmutableArray<string> keyPath)
    {
        if (UnencryptedSuffix is { } plainSuffix)
        {
            return !keyPath.Any(key => key.EndsWith(plainSuffix, StringComparison.Ordinal));
        }

        if (EncryptedSuffix is { } suffix)
        {
            return keyPath.Any(key => key.EndsWith(suffix, StringComparison.Ordinal));
        }

        if (_unencryptedRegex is { } plainPattern)
        {
            return !keyPath.Any(plainPattern.IsMatch);
        }

        return _encryptedRegex is not { } pattern || keyPath.Any(pattern.IsMatch);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
