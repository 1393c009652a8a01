namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;string&gt;</c>.</summary>
public sealed record PlistString : PlistValue
{
    public PlistString(string value)
    {
        Value = value;
    }

    public string Value
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    }
}
