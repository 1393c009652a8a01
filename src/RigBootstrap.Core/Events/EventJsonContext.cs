using System.Text.Json.Serialization;

namespace RigBootstrap.Core.Events;

/// <summary>Source-generated JSON for outbox lines, POST bodies and the cursor, so the trimmed build needs no reflection.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TransitionEvent))]
[JsonSerializable(typeof(DeliveryCursor))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
