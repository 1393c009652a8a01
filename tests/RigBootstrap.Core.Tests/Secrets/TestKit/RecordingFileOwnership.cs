using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>Records which paths were handed to which user, instead of calling chown.</summary>
public sealed class RecordingFileOwnership : IFileOwnership
{
    public List<(string Path, string User)> Calls { get; } = [];

    public void GiveToUser(string path, string userName) => Calls.Add((path, userName));
}
