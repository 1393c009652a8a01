namespace RigBootstrap.Core.Downloads;

/// <summary>The download stopped (network, server, disk); the message names the URL, how far it got and that it resumes.</summary>
public sealed class DownloadException(string message, Exception? inner = null) : Exception(message, inner);
