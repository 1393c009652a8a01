namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads the step sections about the host itself: osUpgrade, tcc (xcode: <see cref="XcodeSectionReader"/>).</summary>
internal static class HostStepsReader
{
    public static OsUpgradeConfig? ReadOsUpgrade(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("osUpgrade", "write it as { \"minimumVersion\": \"15.1\" }",
            ConfigObjectShape.OsUpgrade);
        if (section is null)
        {
            return null;
        }

        var mode = section.OptionalString("mode",
            "set it to \"mdm\" (the MDM upgrades the host) or \"softwareupdate\" (rig-bootstrap installs), or leave it out to choose by architecture",
            FieldRules.OneOf("mdm", "softwareupdate"));
        var owner = section.OptionalObject("volumeOwner",
            "write it as { \"user\": \"admin\", \"passwordSecret\": \"VOLUME_OWNER_PASSWORD\" }", ConfigObjectShape.VolumeOwner);
        var config = new OsUpgradeConfig
        {
            MinimumVersion = section.RequiredString("minimumVersion", "set it to a macOS version such as 15.1",
                FieldRules.Version("15.1")) ?? "",
            Mode = mode switch
            {
                "mdm" => OsUpgradeMode.Mdm,
                "softwareupdate" => OsUpgradeMode.SoftwareUpdate,
                _ => null,
            },
            VolumeOwner = owner is null ? null : new VolumeOwnerConfig
            {
                User = owner.RequiredString("user", "set it to the short name of a volume owner (an admin with a secure token) such as admin",
                    FieldRules.UserName) ?? "",
                PasswordSecret = owner.RequiredString("passwordSecret",
                    "set it to the name of the secret holding that user's password, such as VOLUME_OWNER_PASSWORD",
                    FieldRules.SecretName("VOLUME_OWNER_PASSWORD")) ?? "",
            },
            MdmDeadline = section.Duration("mdmDeadline", OsUpgradeConfig.DefaultMdmDeadline),
        };
        CheckModeFields(section, config);
        return config;
    }

    // A field the chosen mode never reads is a mistake in the config, not something to ignore silently.
    private static void CheckModeFields(JsonObjectReader section, OsUpgradeConfig config)
    {
        if (section.Has("volumeOwner") && config.Mode != OsUpgradeMode.SoftwareUpdate)
        {
            section.Report("volumeOwner",
                "is only used by mode \"softwareupdate\" (an install with the volume owner's --user/--stdinpass); set steps.osUpgrade.mode to \"softwareupdate\", or remove volumeOwner to let the MDM upgrade the host");
        }

        if (section.Has("mdmDeadline") && config.Mode == OsUpgradeMode.SoftwareUpdate)
        {
            section.Report("mdmDeadline",
                "is only used by mode \"mdm\"; remove it, or set steps.osUpgrade.mode to \"mdm\"");
        }
    }

    public static TccConfig? ReadTcc(JsonObjectReader steps)
    {
        const string GrantsFix = "list at least one grant such as "
            + "{ \"service\": \"kTCCServiceAccessibility\", \"client\": \"/usr/local/bin/rig-agent\" }";
        var section = steps.OptionalObject("tcc", $"write it as {{ \"grants\": [ … ] }}; {GrantsFix}", ConfigObjectShape.Tcc);
        if (section is null)
        {
            return null;
        }

        var grants = StepsSectionReader.ReadObjects(section, "grants", GrantsFix, ConfigObjectShape.TccGrant,
            grant =>
            {
                var read = new TccGrantConfig
                {
                    Service = grant.RequiredString("service", "set it to a TCC service such as kTCCServiceAccessibility",
                        FieldRules.TccService) ?? "",
                    Client = grant.RequiredString("client",
                        "set it to the client's absolute path or bundle id, such as /usr/local/bin/rig-agent",
                        FieldRules.TccClient) ?? "",
                    Receiver = grant.OptionalString("receiver",
                        "set it to the bundle id or absolute path of the app the client sends Apple Events to, such as com.apple.systemevents",
                        FieldRules.TccClient),
                    Approval = grant.OptionalString("approval", "set it to \"mdm\" (the default) or \"person\"",
                        FieldRules.OneOf("mdm", "person")) == "person" ? TccApproval.Person : TccApproval.Mdm,
                };
                TccGrantRules.Check(grant, read);
                return read;
            });
        return new TccConfig { Grants = grants };
    }
}
