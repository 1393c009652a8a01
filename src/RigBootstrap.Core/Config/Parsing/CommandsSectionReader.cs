using System.Collections.Immutable;
using System.Text.Json;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads <c>commands</c>, the generic steps; ids and dependencies are checked afterwards by <see cref="CommandGraphRules"/>.</summary>
internal static class CommandsSectionReader
{
    private const string CommandFix =
        "describe it as { \"id\": \"brew-bundle\", \"run\": [\"/bin/sh\", \"-c\", \"brew bundle\"] }";

    private static readonly CommandStepConfig Defaults = new() { Id = "", Run = [] };

    public static ImmutableArray<CommandStepConfig> Read(JsonObjectReader root)
    {
        var elements = root.OptionalArray("commands", $"list command steps, each an object; {CommandFix}");
        if (elements is null)
        {
            return [];
        }

        var commands = ImmutableArray.CreateBuilder<CommandStepConfig>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            var command = JsonObjectReader.Open(elements[i], $"commands[{i}]", root.Errors, CommandFix, ConfigObjectShape.Command);

            // A placeholder keeps commands[i] at index i, so later rules name the right element.
            commands.Add(command is null ? Defaults : ReadCommand(command));
        }

        return commands.MoveToImmutable();
    }

    private static CommandStepConfig ReadCommand(JsonObjectReader command) => new()
    {
        Id = command.RequiredString("id", "set it to a step id such as brew-bundle", FieldRules.CommandId) ?? "",
        Run = ReadProgram(command, "run") ?? [],
        Check = command.Has("check") ? ReadProgram(command, "check") ?? [] : [],
        AsUser = command.Bool("asUser", Defaults.AsUser),
        RequiresReboot = command.Bool("requiresReboot", Defaults.RequiresReboot),
        DependsOn = ReadDependsOn(command),
        Retry = ReadRetry(command),
        Timeout = command.Duration("timeout", Defaults.Timeout),
    };

    /// <summary>Reads a program and its arguments: a non-empty array of strings whose first element is an absolute path.</summary>
    private static ImmutableArray<string>? ReadProgram(JsonObjectReader command, string name)
    {
        const string Fix = "give the program and its arguments, such as [\"/bin/sh\", \"-c\", \"brew bundle\"]";
        var elements = command.RequiredArray(name, Fix);
        if (elements is null)
        {
            return null;
        }

        if (elements.Length == 0)
        {
            command.Report(name, $"is empty; {Fix}");
            return null;
        }

        var arguments = ImmutableArray.CreateBuilder<string>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            var path = $"{command.Child(name)}[{i}]";
            arguments.Add(i == 0
                ? command.ReadString(path, elements[i], "start with the program's absolute path such as /bin/sh",
                    ProgramPathRule) ?? ""
                : ReadArgument(command, path, elements[i]));
        }

        return arguments.MoveToImmutable();
    }

    // A root daemon starts with a minimal PATH, so programs are never looked up through it.
    private static string? ProgramPathRule(string value) =>
        HostPathRule.Problem(value) is { } problem
            ? $"{problem}; start with the program's absolute path such as /bin/sh (programs are not looked up through PATH)"
            : null;

    private static string ReadArgument(JsonObjectReader command, string path, JsonElement element)
    {
        // Arguments may be empty strings, so this bypasses ReadString's non-empty check.
        if (element.ValueKind != JsonValueKind.String)
        {
            command.Errors.Add(path, $"{path} must be a string, not {JsonKinds.Describe(element)}; quote every argument");
        }
        else if (JsonText.TryGetString(element, out var argument))
        {
            return argument;
        }
        else
        {
            command.Errors.Add(path, $"{path} {JsonText.BadEscapeProblem}");
        }

        return "";
    }

    private static ImmutableArray<string> ReadDependsOn(JsonObjectReader command)
    {
        const string Fix = "list the ids of the steps that must finish first, such as [\"secrets\"]";
        var elements = command.OptionalArray("dependsOn", Fix);
        return elements is null
            ? []
            : [.. elements.Select((element, i) =>
                command.ReadString($"{command.Child("dependsOn")}[{i}]", element, Fix) ?? "")];
    }

    private static RetryConfig ReadRetry(JsonObjectReader command)
    {
        var retry = command.OptionalObject("retry", "write it as { \"attempts\": 3, \"backoff\": \"00:00:30\" }",
            ConfigObjectShape.Retry);
        return retry is null
            ? Defaults.Retry
            : new RetryConfig
            {
                Attempts = retry.Int("attempts", Defaults.Retry.Attempts, 1, 100),
                Backoff = retry.Duration("backoff", Defaults.Retry.Backoff),
            };
    }
}
