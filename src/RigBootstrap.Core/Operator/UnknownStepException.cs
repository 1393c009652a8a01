namespace RigBootstrap.Core.Operator;

/// <summary>An operator named a step the workflow does not have (exit 64).</summary>
public sealed class UnknownStepException(string message) : Exception(message);
