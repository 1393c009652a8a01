namespace RigBootstrap.Core.Config;

/// <summary>One problem in a config file: the file, the field (empty for the file as a whole) and a message that names the fix.</summary>
/// <remarks>
/// <see cref="Message"/> is a whole sentence that starts with <see cref="FieldPath"/> when there is one,
/// so it reads on its own: <c>steps.xcode.version is missing; set it to an Xcode version such as 16.2</c>.
/// </remarks>
public sealed record ConfigError(string FilePath, string FieldPath, string Message)
{
    public override string ToString() => $"{FilePath}: {Message}";
}
