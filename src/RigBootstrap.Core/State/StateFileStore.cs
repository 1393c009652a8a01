using System.Text;
using System.Text.Json;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.State;

/// <summary>Reads and atomically replaces state.json, keeping the previous good copy as state.json.prev (docs/invariants.md I1).</summary>
public sealed class StateFileStore
{
    public const UnixFileMode StateFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly HostPaths _paths;

    public StateFileStore(HostPaths paths) => _paths = paths;

    public bool Exists => File.Exists(_paths.StatePath) || File.Exists(_paths.PreviousStatePath);

    /// <summary>Loads the state; a torn or corrupt file falls back to the previous copy; both bad throws.</summary>
    public StateLoadResult Load()
    {
        if (!Present(_paths.StatePath) && !Present(_paths.PreviousStatePath))
        {
            return new StateLoadResult(null, null);
        }

        var current = TryRead(_paths.StatePath);
        if (current.Newer)
        {
            // Recovering an older copy over it would throw away what a newer rig-bootstrap recorded.
            throw new StateFileCorruptException(
                $"{_paths.StatePath} {current.Problem}. Nothing was changed. Run that version of rig-bootstrap (or a newer one) on this host; " +
                "only if that is impossible, `rig-bootstrap reset --all` starts the workflow over (the age key and the journal are kept).");
        }

        if (current.State is not null)
        {
            return new StateLoadResult(current.State, null);
        }

        var previous = TryRead(_paths.PreviousStatePath);
        if (previous.State is not null)
        {
            return new StateLoadResult(previous.State, $"{_paths.StatePath} {current.Problem}; recovered from {_paths.PreviousStatePath}");
        }

        throw new StateFileCorruptException(
            $"{_paths.StatePath} {current.Problem}, and {_paths.PreviousStatePath} {previous.Problem}. " +
            "Nothing was changed. Inspect the journal, then run `rig-bootstrap reset --all` to start the workflow " +
            "over (the age key and the journal are kept).");
    }

    /// <summary>Writes the new state: the current file becomes .prev first, then the new one replaces it.</summary>
    public void Save(StateFile state)
    {
        Directory.CreateDirectory(_paths.StateDirPath);
        if (TryRead(_paths.StatePath).State is not null)
        {
            DurableFile.CopyAtomically(_paths.StatePath, _paths.PreviousStatePath, StateFileMode);
        }

        DurableFile.WriteAtomically(_paths.StatePath, Serialize(state), StateFileMode);
    }

    public static string Serialize(StateFile state) =>
        JsonSerializer.Serialize(state, StateJsonReadable.Context.StateFile) + "\n";

    public static StateFile Deserialize(string json)
    {
        var state = JsonSerializer.Deserialize(json, StateJsonReadable.Context.StateFile)
            ?? throw new JsonException("the file holds JSON null");
        if (state.SchemaVersion > StateFile.CurrentSchemaVersion)
        {
            throw new NewerStateSchemaException(
                $"has schemaVersion {state.SchemaVersion}, written by a newer rig-bootstrap (this one reads {StateFile.CurrentSchemaVersion})");
        }

        if (state.Steps.IsDefault || state.Workflow is null)
        {
            throw new JsonException("the file lacks the workflow or the steps");
        }

        // The enum converter also takes numbers; a number that names no state would only fail later, mid-run.
        if (!Enum.IsDefined(state.Workflow.State) || state.Steps.Any(step => !Enum.IsDefined(step.State)))
        {
            throw new JsonException("a workflow or step state is not one of the documented states");
        }

        return state;
    }

    /// <summary>Anything at the path counts: a directory or a link where the file should be is a problem to report, not an absence.</summary>
    private static bool Present(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static (StateFile? State, string Problem, bool Newer) TryRead(string path)
    {
        if (Directory.Exists(path))
        {
            return (null, "is a directory, not a file", false);
        }

        if (!File.Exists(path))
        {
            return (null, "is missing", false);
        }

        try
        {
            return (Deserialize(File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true))), "", false);
        }
        catch (NewerStateSchemaException ex)
        {
            return (null, ex.Message, true);
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException or NotSupportedException)
        {
            return (null, $"cannot be read ({ex.Message})", false);
        }
    }

    /// <summary>A state file from a newer rig-bootstrap: readable JSON, but not ours to interpret or replace.</summary>
    private sealed class NewerStateSchemaException(string message) : JsonException(message);
}
