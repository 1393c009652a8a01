using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Reads <c>steps</c>: each built-in step is configured by its section's presence.</summary>
internal static class StepsSectionReader
{
    public static StepsConfig Read(JsonObjectReader root)
    {
        var steps = root.OptionalObject("steps",
            "write it as an object of step sections, such as { \"osUpgrade\": { \"minimumVersion\": \"15.1\" } }", ConfigObjectShape.Steps);
        if (steps is null)
        {
            return new StepsConfig();
        }

        return new StepsConfig
        {
            AgeKey = SecretStepsReader.ReadAgeKey(steps),
            Secrets = SecretStepsReader.ReadSecrets(steps),
            Keychain = SecretStepsReader.ReadKeychain(steps),
            CommandLineTools = CommandLineToolsReader.Read(steps),
            Xcode = XcodeSectionReader.Read(steps),
            Autologin = SecretStepsReader.ReadAutologin(steps),
            FirstDeploy = AgentStepsReader.ReadFirstDeploy(steps),
            Tcc = HostStepsReader.ReadTcc(steps),
            OsUpgrade = HostStepsReader.ReadOsUpgrade(steps),
            Handoff = AgentStepsReader.ReadHandoff(steps),
        };
    }

    /// <summary>Reads each element of an array of objects; unusable elements are reported and left out.</summary>
    public static ImmutableArray<T> ReadObjects<T>(
        JsonObjectReader section, string name, string fix, ConfigObjectShape shape, Func<JsonObjectReader, T> read)
    {
        var elements = section.RequiredArray(name, fix);
        if (elements is null)
        {
            return [];
        }

        if (elements.Length == 0)
        {
            section.Report(name, $"is empty; {fix}");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<T>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            var item = JsonObjectReader.Open(elements[i], $"{section.Child(name)}[{i}]", section.Errors, fix, shape);
            if (item is not null)
            {
                items.Add(read(item));
            }
        }

        return items.ToImmutable();
    }
}
