namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What the output of <c>softwareupdate --install "Command Line Tools for Xcode-…"</c> says happened.</summary>
public enum CommandLineToolsInstallOutcome
{
    /// <summary>Neither rule below matched: the probe after the install decides.</summary>
    Unrecognised,

    /// <summary><c>Done with …</c> then <c>Done.</c>: the package is installed.</summary>
    Installed,

    /// <summary><c>…: No such update</c>: the label is not offered (any more, or the on-demand marker was missing).</summary>
    NoSuchUpdate,
}
