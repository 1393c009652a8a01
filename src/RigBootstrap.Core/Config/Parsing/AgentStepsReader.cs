namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads the step sections about the fleet agent: firstDeploy and handoff.</summary>
internal static class AgentStepsReader
{
    private const string AgentLabelFix = "set it to the agent's launchd label such as ai.invotek.rig-deploy";
    private static readonly HandoffConfig HandoffDefaults = new() { AgentLabel = "" };

    public static FirstDeployConfig? ReadFirstDeploy(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("firstDeploy",
            "write it as { \"repository\": \"https://…\", \"sha\": \"…\", \"agentLabel\": \"ai.invotek.rig-deploy\" }",
            ConfigObjectShape.FirstDeploy);
        return section is null
            ? null
            : new FirstDeployConfig
            {
                Repository = section.RequiredString("repository",
                    "set it to the agent's git repository such as https://github.com/example/automate-e.git",
                    FieldRules.Repository) ?? "",
                Sha = section.RequiredString("sha",
                    "set it to the full commit SHA to deploy, such as 0123456789abcdef0123456789abcdef01234567",
                    FieldRules.CommitSha) ?? "",
                AgentLabel = section.RequiredString("agentLabel", AgentLabelFix,
                    FieldRules.ReverseDns("ai.invotek.rig-deploy")) ?? "",
                // From a minute (a tighter loop only hammers the git server) to a day.
                StartIntervalSeconds = section.Int("startIntervalSeconds", FirstDeployConfig.DefaultStartIntervalSeconds, 60, 86400),
            };
    }

    public static HandoffConfig? ReadHandoff(JsonObjectReader steps)
    {
        var section = steps.OptionalObject("handoff",
            "write it as { \"agentLabel\": \"ai.invotek.rig-deploy\", \"stableFor\": \"00:01:00\" }",
            ConfigObjectShape.Handoff);
        if (section is null)
        {
            return null;
        }

        var handoff = new HandoffConfig
        {
            AgentLabel = section.RequiredString("agentLabel", AgentLabelFix,
                FieldRules.ReverseDns("ai.invotek.rig-deploy")) ?? "",
            StableFor = section.Duration("stableFor", HandoffDefaults.StableFor),
            Timeout = section.Duration("timeout", HandoffDefaults.Timeout),
        };

        // The agent must stay healthy for stableFor within timeout, or the handoff can never succeed.
        if (handoff.StableFor >= handoff.Timeout)
        {
            section.Report("stableFor", $"({handoff.StableFor:c}) must be shorter than {section.Child("timeout")} "
                + $"({handoff.Timeout:c}); shorten stableFor or lengthen timeout");
        }

        return handoff;
    }
}
