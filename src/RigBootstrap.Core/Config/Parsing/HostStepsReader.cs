namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads the step sections about the host itself: osUpgrade, tcc (xcode: <see cref="XcodeSectionReader"/>).</summary>
internal static class HostStepsReader
{
    public static OsUpgradeConfig? ReadOsUpgrade(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("osUpgrade", "write it as { \"minimumVersion\": \"15.1\" }", ["minimumVersion"]);
        return section is null
            ? null
            : new OsUpgradeConfig
            {
                MinimumVersion = section.RequiredString("minimumVersion", "set it to a macOS version such as 15.1",
                    FieldRules.Version("15.1")) ?? "",
            };
    }

    public static TccConfig? ReadTcc(JsonObjectReader steps)
    {
        const string GrantsFix = "list at least one grant such as "
            + "{ \"service\": \"kTCCServiceAccessibility\", \"client\": \"/usr/local/bin/rig-agent\" }";
        var section = steps.OptionalObject("tcc", $"write it as {{ \"grants\": [ … ] }}; {GrantsFix}", ["grants"]);
        if (section is null)
        {
            return null;
        }

        var grants = StepsSectionReader.ReadObjects(section, "grants", GrantsFix, ["service", "client"],
            grant => new TccGrantConfig
            {
                Service = grant.RequiredString("service", "set it to a TCC service such as kTCCServiceAccessibility",
                    FieldRules.TccService) ?? "",
                Client = grant.RequiredString("client",
                    "set it to the client's absolute path or bundle id, such as /usr/local/bin/rig-agent",
                    FieldRules.TccClient) ?? "",
            });
        return new TccConfig { Grants = grants };
    }
}
