namespace RigBootstrap.Core.Adapters;

/// <summary>The two MDM sources the tcc step reads besides TCC.db, in the order it consults them.</summary>
public sealed record TccPolicySources(ITccPolicySource MdmOverrides, ITccPolicySource InstalledProfiles);
