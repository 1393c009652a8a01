using System.Text.Json.Serialization;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>Source-generated JSON for the simulated Mac's own files.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SimulatedJob))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
