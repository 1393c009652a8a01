using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class FileOwnerTests
{
    [Fact]
    public void A_file_this_process_creates_is_owned_by_its_effective_user()
    {
        // Arrange
        using var root = new TempHostRoot();
        var path = Path.Join(root.Paths.RootDirPath, "file");
        File.WriteAllBytes(path, new byte[3 * 1024 * 1024]);

        // Act
        var uid = FileOwner.UidOf(path);

        // Assert
        uid.Should().Be((int)EffectiveUser.Id());
    }

    [Fact]
    public void A_directory_has_an_owner_too()
    {
        using var root = new TempHostRoot();

        FileOwner.UidOf(root.Paths.RootDirPath).Should().Be((int)EffectiveUser.Id());
    }

    [Fact]
    public void A_file_owned_by_another_user_reports_that_user()
    {
        // Only root can give a file away; elsewhere the test has nothing to prove.
        if (EffectiveUser.Id() != 0)
        {
            return;
        }

        using var root = new TempHostRoot();
        var path = Path.Join(root.Paths.RootDirPath, "file");
        File.WriteAllText(path, "x");
        Chown(path, 4242);

        FileOwner.UidOf(path).Should().Be(4242);
    }

    private static void Chown(string path, int uid)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [uid.ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
        chown.WaitForExit();
        chown.ExitCode.Should().Be(0);
    }
}
