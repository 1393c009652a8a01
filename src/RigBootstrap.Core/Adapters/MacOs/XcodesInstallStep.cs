namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>One <c>(n/6) …</c> progress line of <c>xcodes install</c>: <c>(3/6) Moving Xcode to …</c>.</summary>
public sealed record XcodesInstallStep(int Number, int Total, string Description);
