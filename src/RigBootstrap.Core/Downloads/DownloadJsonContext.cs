using System.Text.Json.Serialization;

namespace RigBootstrap.Core.Downloads;

/// <summary>Source-generated JSON for the partial download's sidecar (trimmed single-file build).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PartialDownload))]
internal sealed partial class DownloadJsonContext : JsonSerializerContext;
