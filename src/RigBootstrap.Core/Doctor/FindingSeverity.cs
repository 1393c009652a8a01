namespace RigBootstrap.Core.Doctor;

/// <summary>How much a doctor finding matters: Ok, a Warning to read, or a Problem that stops the workflow.</summary>
public enum FindingSeverity
{
    Ok,
    Warning,
    Problem,
}
