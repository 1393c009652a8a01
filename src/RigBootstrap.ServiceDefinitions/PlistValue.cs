namespace RigBootstrap.ServiceDefinitions;

/// <summary>A value in an XML property list: one of the sealed records derived from this type.</summary>
public abstract record PlistValue
{
    // Closed hierarchy: only the plist types in this assembly derive from it.
    private protected PlistValue()
    {
    }
}
