using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>
/// What a PPPC profile (payload <c>com.apple.TCC.configuration-profile-policy</c>) can say about each TCC service.
/// The keys under <c>Services</c> are Apple's device-management schema (apple/device-management,
/// mdm/profiles/com.apple.TCC.configuration-profile-policy.yaml) plus <c>BluetoothAlways</c>, which Apple's
/// deployment guide lists as "Bluetooth" and Microsoft's Defender profiles use (microsoft/mdatp-xplat,
/// macos/mobileconfig/profiles/bluetooth.mobileconfig). A key is the TCC service name without its
/// <c>kTCCService</c> prefix; MDMOverrides.plist uses the full name.
/// </summary>
public static class PppcServices
{
    public const string ServicePrefix = "kTCCService";

    public const string AppleEvents = "kTCCServiceAppleEvents";

    /// <summary>Every key a PPPC payload's <c>Services</c> dictionary may hold.</summary>
    public static ImmutableSortedSet<string> PayloadKeys { get; } = ImmutableSortedSet.Create(
        StringComparer.Ordinal,
        "Accessibility", "AddressBook", "AppleEvents", "BluetoothAlways", "Calendar", "Camera", "FileProviderPresence",
        "ListenEvent", "MediaLibrary", "Microphone", "Photos", "PostEvent", "Reminders", "ScreenCapture",
        "SpeechRecognition", "SystemPolicyAllFiles", "SystemPolicyAppBundles", "SystemPolicyAppData",
        "SystemPolicyDesktopFolder", "SystemPolicyDocumentsFolder", "SystemPolicyDownloadsFolder",
        "SystemPolicyNetworkVolumes", "SystemPolicyRemovableVolumes", "SystemPolicySysAdminFiles");

    /// <summary>"Access to the camera can't be given in a profile; it can only be denied" (Apple's schema; Microphone alike).</summary>
    public static ImmutableSortedSet<string> DenyOnly { get; } =
        ImmutableSortedSet.Create(StringComparer.Ordinal, "kTCCServiceCamera", "kTCCServiceMicrophone");

    /// <summary>
    /// A profile can at most let a standard user approve these (<c>AllowStandardUserToSetSystemService</c>, "only valid
    /// for the ListenEvent and ScreenCapture services"): a person must still switch them on in System Settings.
    /// </summary>
    public static ImmutableSortedSet<string> PersonApproves { get; } =
        ImmutableSortedSet.Create(StringComparer.Ordinal, "kTCCServiceListenEvent", "kTCCServiceScreenCapture");

    /// <summary>The payload key of a <c>kTCCService…</c> name, or null when it has no <c>kTCCService</c> prefix.</summary>
    public static string? PayloadKeyOf(string service) =>
        service.StartsWith(ServicePrefix, StringComparison.Ordinal) ? service[ServicePrefix.Length..] : null;

    public static bool HasPayloadKey(string service) => PayloadKeyOf(service) is { } key && PayloadKeys.Contains(key);

    /// <summary>Where System Settings lets a person switch the service on, for the message that asks them to.</summary>
    public static string SettingsPane(string service) => service switch
    {
        "kTCCServiceScreenCapture" => "System Settings > Privacy & Security > Screen & System Audio Recording",
        "kTCCServiceListenEvent" => "System Settings > Privacy & Security > Input Monitoring",
        "kTCCServiceAccessibility" => "System Settings > Privacy & Security > Accessibility",
        "kTCCServiceSystemPolicyAllFiles" => "System Settings > Privacy & Security > Full Disk Access",
        _ => "System Settings > Privacy & Security",
    };
}
