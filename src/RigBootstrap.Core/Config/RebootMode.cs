namespace RigBootstrap.Core.Config;

/// <summary>Whether the engine reboots the host itself (<c>auto</c>) or waits for a person (<c>manual</c>).</summary>
public enum RebootMode
{
    Auto,
    Manual,
}
