namespace RigBootstrap.Core.Config;

/// <summary>
/// The Command Line Tools for Xcode, installed headless with `softwareupdate` (docs/command-line-tools.md). The section
/// has no fields: the newest label Apple offers this host is the one installed.
/// </summary>
public sealed record CommandLineToolsConfig;
