namespace RigBootstrap.Core.Adapters;

/// <summary>What installing an update asks of the host, from the <c>Action:</c> field of <c>softwareupdate --list</c>.</summary>
public enum SoftwareUpdateAction
{
    /// <summary>Any value not known below (<c>Action: shut down</c>, for example); treat it like a restart.</summary>
    Other,

    /// <summary><c>Action: none</c>: installs without a restart.</summary>
    None,

    /// <summary><c>Action: restart</c> (or <c>[restart]</c> in the Mojave format): the install needs <c>--restart</c>.</summary>
    Restart,
}
