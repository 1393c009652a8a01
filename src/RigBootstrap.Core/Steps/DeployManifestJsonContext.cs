using System.Text.Json.Serialization;

namespace RigBootstrap.Core.Steps;

/// <summary>Source-generated JSON for the deploy manifest (trim-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeployManifest))]
internal sealed partial class DeployManifestJsonContext : JsonSerializerContext;
