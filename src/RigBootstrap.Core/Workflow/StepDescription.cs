using System.Collections.Immutable;

namespace RigBootstrap.Core.Workflow;

/// <summary>One step as `plan` and `graph` show it.</summary>
public sealed record StepDescription(string Id, string Description, ImmutableArray<string> DependsOn, bool MayNeedReboot, bool RebootsItself, int MaxAttempts);
