namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads <c>steps.commandLineTools</c>, and turns the step on for a macOS config whose firstDeploy runs git.</summary>
internal static class CommandLineToolsReader
{
    public static CommandLineToolsConfig? Read(JsonObjectReader steps) =>
        steps.OptionalObject("commandLineTools",
            "write it as {}: the newest Command Line Tools that softwareupdate offers are installed", ConfigObjectShape.CommandLineTools) is null
            ? null
            : new CommandLineToolsConfig();

    /// <summary>
    /// first-deploy runs git, which on a Mac is the Command Line Tools' (or a selected Xcode's): a macOS config with
    /// firstDeploy gets the step even when it does not name it. There is no opt-out, as nothing else brings git to a
    /// fresh Mac; a host that already has the tools passes the step's probe without any change (docs/command-line-tools.md).
    /// </summary>
    public static StepsConfig WithDefault(StepsConfig steps, HostPlatform platform) =>
        platform == HostPlatform.MacOs && steps.FirstDeploy is not null && steps.CommandLineTools is null
            ? steps with { CommandLineTools = new CommandLineToolsConfig() }
            : steps;
}
