namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;true/&gt;</c> or <c>&lt;false/&gt;</c>.</summary>
public sealed record PlistBoolean(bool Value) : PlistValue;
