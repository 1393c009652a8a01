namespace RigBootstrap.Core.Config.Parsing;

/// <summary>
/// Refuses a TCC grant no PPPC profile can deliver (Apple's schema, see <see cref="PppcServices"/>), so a host never
/// waits forever for a grant the MDM cannot send: each refusal names the field and the reason.
/// </summary>
internal static class TccGrantRules
{
    public static void Check(JsonObjectReader grant, TccGrantConfig read)
    {
        var service = read.Service;
        if (service.Length == 0 || FieldRules.TccService(service) is not null)
        {
            return; // already reported as a bad service name
        }

        if (!PppcServices.HasPayloadKey(service))
        {
            grant.Report("service", $"is {service}, which no PPPC profile can grant: the payload's Services keys are "
                + $"{string.Join(", ", PppcServices.PayloadKeys)} (Apple's com.apple.TCC.configuration-profile-policy schema); "
                + "use one of those with the kTCCService prefix, or leave the grant out");
        }
        else if (PppcServices.DenyOnly.Contains(service))
        {
            grant.Report("service", $"is {service}, which a PPPC profile can only deny, never grant (Apple's schema); "
                + "leave the grant out: a build host cannot answer the camera or microphone prompt");
        }
        else if (PppcServices.PersonApproves.Contains(service) && read.Approval != TccApproval.Person)
        {
            grant.Report("service", $"is {service}, which no profile can switch on: the MDM can at most let a standard user "
                + $"approve it (AllowStandardUserToSetSystemService); add \"approval\": \"person\" and have someone switch it on "
                + $"in {PppcServices.SettingsPane(service)}, or leave the grant out");
        }

        if (service == PppcServices.AppleEvents && read.Receiver is null)
        {
            grant.Report("receiver", "is missing; kTCCServiceAppleEvents is granted per receiving app (AEReceiverIdentifier): "
                + "set it to the bundle id or path of the app the client sends Apple Events to, such as com.apple.systemevents");
        }
        else if (service != PppcServices.AppleEvents && grant.Has("receiver"))
        {
            grant.Report("receiver", $"is set, but only kTCCServiceAppleEvents has a receiver; remove it from the {service} grant");
        }
    }
}
