namespace RigBootstrap.Core.Secrets;

/// <summary>The SOPS stores this reader understands.</summary>
public enum SopsFormat
{
    Dotenv,
    Yaml,
    Json,
}
