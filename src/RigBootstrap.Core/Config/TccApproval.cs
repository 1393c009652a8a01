namespace RigBootstrap.Core.Config;

/// <summary>Who grants a TCC service: the MDM's PPPC profile (the default), or a person in System Settings.</summary>
public enum TccApproval
{
    Mdm,
    Person,
}
