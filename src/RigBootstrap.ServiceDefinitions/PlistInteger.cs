namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;integer&gt;</c>.</summary>
public sealed record PlistInteger(long Value) : PlistValue;
