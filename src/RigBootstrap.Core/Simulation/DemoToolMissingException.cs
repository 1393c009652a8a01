namespace RigBootstrap.Core.Simulation;

/// <summary>The demo needs a real tool that this machine lacks (exit 69); the message says how to install it.</summary>
public sealed class DemoToolMissingException(string message) : Exception(message);
