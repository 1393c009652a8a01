using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class PosixFileOwnershipTests : IDisposable
{
    private readonly TempHostRoot _temp = new();

    [RootOnLinuxFact]
    public void A_file_given_to_a_user_is_owned_by_that_user_when_running_as_root()
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, "key.txt");
        File.WriteAllText(path, "x");

        // Act
        new PosixFileOwnership().GiveToUser(path, "nobody");

        // Assert
        OwnerOf(path).Should().Be("nobody");
    }

    [Fact]
    public void An_unknown_user_gets_a_message_that_names_the_fix()
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, "key.txt");
        File.WriteAllText(path, "x");

        // Act
        var act = () => new PosixFileOwnership().GiveToUser(path, "no-such-user-rig");

        // Assert
        act.Should().Throw<IOException>().WithMessage("*there is no such user on this host; create the agent user first.");
    }

    private static string OwnerOf(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return owner;
    }

    public void Dispose() => _temp.Dispose();
}
