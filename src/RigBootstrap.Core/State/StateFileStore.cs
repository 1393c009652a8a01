using System.Text;
using System.Text.Json;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.State;

/// <summary>Reads and atomically replaces state.json, keeping the previous good copy as state.json.prev (DESIGN I1).</summary>
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
        if (!File.Exists(_paths.StatePath) && !File.Exists(_paths.PreviousStatePath))
        {
            return new StateLoadResult(null, null);
        }

        var current = TryRead(_paths.StatePath);
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
            throw new JsonException(
                $"schemaVersion {state.SchemaVersion} was written by a newer rig-bootstrap (this one reads {StateFile.CurrentSchemaVersion})");
        }

        if (state.Steps.IsDefault || state.Workflow is null)
        {
            throw new JsonException("the file lacks the workflow or the steps");
        }

        return state;
    }

    private static (StateFile? State, string Problem) TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return (null, "is missing");
        }

        try
        {
            return (Deserialize(File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true))), "");
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException or NotSupportedException)
        {
            return (null, $"cannot be read ({ex.Message})");
        }
    }
}
