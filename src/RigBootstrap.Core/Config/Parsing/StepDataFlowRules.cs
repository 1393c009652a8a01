namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Checks that each configured built-in step has the sections it takes its input from.</summary>
internal static class StepDataFlowRules
{
    public static void Check(StepsConfig steps, ConfigErrorList errors)
    {
        if (steps.Secrets is not null && steps.AgeKey is null)
        {
            Needs(errors, "secrets", "ageKey", "the key that decrypts the secrets file");
        }

        if (steps.Keychain is not null && steps.Secrets is null)
        {
            Needs(errors, "keychain", "secrets", "which holds the values it imports");
        }

        if (steps.Autologin is not null && steps.Secrets is null)
        {
            Needs(errors, "autologin", "secrets", "which holds the user's password");
        }

        if (steps.OsUpgrade?.VolumeOwner is not null && steps.Secrets is null)
        {
            errors.Add("steps.osUpgrade.volumeOwner",
                "steps.osUpgrade.volumeOwner needs steps.secrets, which holds the volume owner's password; add steps.secrets or remove volumeOwner");
        }

        if (steps.Xcode?.Xcodes is not null && steps.Secrets is null)
        {
            Needs(errors, "xcode.xcodes", "secrets", "which holds the Apple ID password");
        }

        if (steps.FirstDeploy is not null && steps.Secrets is null)
        {
            Needs(errors, "firstDeploy", "secrets", "which writes the agent's env file");
        }

        // Handing off to a different agent than the one deployed would wait on a daemon that never appears.
        if (steps is { Handoff.AgentLabel: { Length: > 0 } handoffLabel, FirstDeploy.AgentLabel: { Length: > 0 } deployLabel }
            && handoffLabel != deployLabel)
        {
            errors.Add("steps.handoff.agentLabel",
                $"steps.handoff.agentLabel (\"{handoffLabel}\") differs from steps.firstDeploy.agentLabel (\"{deployLabel}\"); "
                + "hand off to the agent that firstDeploy installs: set both to the same label");
        }
    }

    private static void Needs(ConfigErrorList errors, string section, string needed, string why) =>
        errors.Add($"steps.{section}",
            $"steps.{section} needs steps.{needed}, {why}; add steps.{needed} or remove steps.{section}");
}
