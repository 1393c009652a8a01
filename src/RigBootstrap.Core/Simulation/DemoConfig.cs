using System.Reflection;

namespace RigBootstrap.Core.Simulation;

/// <summary>The embedded default config that `demo` runs.</summary>
public static class DemoConfig
{
    public static string Text
    {
        get
        {
            using var stream = typeof(DemoConfig).Assembly.GetManifestResourceStream("RigBootstrap.DemoConfig.json")
                ?? throw new InvalidOperationException("The embedded demo config is missing from this build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
