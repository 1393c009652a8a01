namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads the step sections that create or consume secrets: ageKey, secrets, keychain, autologin.</summary>
internal static class SecretStepsReader
{
    public static AgeKeyConfig? ReadAgeKey(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("ageKey",
            "write it as { \"path\": \"/Users/claude/.rig/age/key.txt\" }", ConfigObjectShape.AgeKey);
        return section is null
            ? null
            : new AgeKeyConfig
            {
                Path = section.RequiredString("path",
                    "set it to the absolute path of the host's age key file, such as /Users/claude/.rig/age/key.txt",
                    HostPathRule.For("/Users/claude/.rig/age/key.txt")) ?? "",
            };
    }

    public static SecretsConfig? ReadSecrets(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("secrets",
            "write it as { \"source\": \"/var/db/rig-bootstrap/fleet.sops.env\", \"envFile\": \"/Users/claude/.rig/current/env\" }",
            ConfigObjectShape.Secrets);
        return section is null
            ? null
            : new SecretsConfig
            {
                Source = section.RequiredString("source",
                    "set it to the absolute path of the SOPS file, such as /var/db/rig-bootstrap/fleet.sops.env",
                    HostPathRule.For("/var/db/rig-bootstrap/fleet.sops.env")) ?? "",
                EnvFile = section.RequiredString("envFile",
                    "set it to the absolute path of the env file to write, such as /Users/claude/.rig/current/env",
                    HostPathRule.For("/Users/claude/.rig/current/env")) ?? "",
            };
    }

    public static KeychainConfig? ReadKeychain(JsonObjectReader steps)
    {
        const string ItemsFix = "list at least one item such as "
            + "{ \"service\": \"Claude Code-credentials\", \"account\": \"claude\", \"secret\": \"CLAUDE_OAUTH_JSON\" }";
        var section = steps.OptionalObject("keychain", $"write it as {{ \"items\": [ … ] }}; {ItemsFix}", ConfigObjectShape.Keychain);
        if (section is null)
        {
            return null;
        }

        var items = StepsSectionReader.ReadObjects(section, "items", ItemsFix, ConfigObjectShape.KeychainItem,
            item => new KeychainItemConfig
            {
                Service = item.RequiredString("service", "set it to the keychain service name such as Claude Code-credentials") ?? "",
                Account = item.RequiredString("account", "set it to the keychain account name such as claude") ?? "",
                Secret = item.RequiredString("secret", "set it to the name of a secret such as CLAUDE_OAUTH_JSON",
                    FieldRules.SecretName("CLAUDE_OAUTH_JSON")) ?? "",
            });
        return new KeychainConfig { Items = items };
    }

    public static AutologinConfig? ReadAutologin(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("autologin",
            "write it as { \"user\": \"claude\", \"passwordSecret\": \"AGENT_PASSWORD\" }", ConfigObjectShape.Autologin);
        return section is null
            ? null
            : new AutologinConfig
            {
                User = section.RequiredString("user", "set it to the short user name to log in, such as claude",
                    FieldRules.UserName) ?? "",
                PasswordSecret = section.RequiredString("passwordSecret",
                    "set it to the name of the secret holding the password, such as AGENT_PASSWORD",
                    FieldRules.SecretName("AGENT_PASSWORD")) ?? "",
            };
    }
}
