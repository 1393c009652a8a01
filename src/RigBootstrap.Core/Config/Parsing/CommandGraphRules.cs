using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Checks the command steps as a graph: unique ids, dependencies that exist, no cycles.</summary>
internal static class CommandGraphRules
{
    public static void Check(BootstrapConfig config, ConfigErrorList errors)
    {
        var indexById = CheckIds(config.Commands, errors);
        var builtIns = ConfiguredBuiltInSteps.Of(config.Steps);
        for (var i = 0; i < config.Commands.Length; i++)
        {
            var dependsOn = config.Commands[i].DependsOn;
            for (var j = 0; j < dependsOn.Length; j++)
            {
                CheckDependency(dependsOn[j], $"commands[{i}].dependsOn[{j}]", i, builtIns, indexById, errors);
            }
        }

        foreach (var cycle in CommandCycleFinder.Find(config.Commands, indexById))
        {
            errors.Add($"commands[{indexById[cycle[0]]}].dependsOn",
                $"commands[{indexById[cycle[0]]}].dependsOn closes a dependency cycle: {string.Join(" -> ", cycle)}; "
                + "remove one of these dependsOn entries");
        }
    }

    /// <summary>Reports reused ids and returns each usable id with the index of its first command.</summary>
    private static Dictionary<string, int> CheckIds(ImmutableArray<CommandStepConfig> commands, ConfigErrorList errors)
    {
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Length; i++)
        {
            var id = commands[i].Id;
            var path = $"commands[{i}].id";
            if (id.Length == 0)
            {
                continue;
            }

            if (BuiltInStepIds.All.Contains(id))
            {
                errors.Add(path, $"{path} \"{id}\" is a duplicate step id: the built-in step steps.{ConfiguredBuiltInSteps.SectionOf(id)} "
                    + "has it; choose another id");
            }
            else if (!indexById.TryAdd(id, i))
            {
                errors.Add(path, $"{path} \"{id}\" is a duplicate step id: commands[{indexById[id]}].id has it too; "
                    + "give each command its own id");
            }
        }

        return indexById;
    }

    private static void CheckDependency(
        string dependency, string path, int self, ImmutableArray<string> builtIns, Dictionary<string, int> indexById,
        ConfigErrorList errors)
    {
        // An empty entry was already reported when it was read.
        var isKnown = (builtIns.Contains(dependency) && dependency != BuiltInStepIds.Handoff) || indexById.ContainsKey(dependency);
        if (dependency.Length == 0 || isKnown)
        {
            return;
        }

        if (dependency == BuiltInStepIds.Handoff)
        {
            errors.Add(path, $"{path} is \"handoff\", but handoff is the last step and nothing runs after it; remove this entry");
            return;
        }

        var known = builtIns.Where(id => id != BuiltInStepIds.Handoff)
            .Concat(indexById.Keys.Where(id => indexById[id] != self))
            .ToList();
        var fix = known.Count == 0
            ? "there is no other step to depend on; remove this entry"
            : $"use one of: {string.Join(", ", known)}";
        if (BuiltInStepIds.All.Contains(dependency))
        {
            fix += $", or add steps.{ConfiguredBuiltInSteps.SectionOf(dependency)}";
        }

        errors.Add(path, $"{path} \"{dependency}\" is not a configured step; {fix}");
    }
}
