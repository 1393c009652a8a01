namespace RigBootstrap.Core.Secrets;

/// <summary>Hands a file the steps created as root to the user who reads it (the agent user).</summary>
public interface IFileOwnership
{
    /// <summary>Makes <paramref name="userName"/> (and that user's primary group) own the path, without following a symlink.</summary>
    void GiveToUser(string path, string userName);
}
