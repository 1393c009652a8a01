namespace RigBootstrap.Core.Steps;

/// <summary>One source's answer for one grant, with the detail an operator needs (where it was found, or why not).</summary>
public sealed record TccSourceFinding(string Source, TccFindingKind Kind, string Detail)
{
    public override string ToString() => $"{Source}: {Detail}";
}
