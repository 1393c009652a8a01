namespace RigBootstrap.Core.Secrets;

/// <summary>Creates the missing parent directories of a secret file: 0700, each handed to the user who reads the file.</summary>
public static class PrivateDirectories
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateParentsOf(string filePath, string userName, IFileOwnership ownership)
    {
        var missing = new Stack<string>();
        for (var dir = Path.GetDirectoryName(filePath); dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing.Push(dir);
        }

        foreach (var dir in missing)
        {
            Directory.CreateDirectory(dir, Mode);
            ownership.GiveToUser(dir, userName);
        }
    }
}
