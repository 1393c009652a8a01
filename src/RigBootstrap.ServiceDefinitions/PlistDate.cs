namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;date&gt;</c>: an instant in UTC, written as <c>2019-01-09T21:35:10Z</c>.</summary>
public sealed record PlistDate(DateTimeOffset Value) : PlistValue;
