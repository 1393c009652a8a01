using System.Text.Json.Serialization;

namespace RigBootstrap.Core.State;

/// <summary>Source-generated JSON for the state file, so the trimmed single-file build needs no reflection.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StateFile))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
