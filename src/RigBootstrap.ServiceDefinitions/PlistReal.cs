namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;real&gt;</c>.</summary>
public sealed record PlistReal(double Value) : PlistValue;
