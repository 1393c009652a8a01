using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class SecretFileTests : IDisposable
{
    private readonly TempHostRoot _temp = new();

    [Fact]
    public void A_written_file_is_0600_and_leaves_no_temporary_file()
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, "env");

        // Act
        SecretFile.WriteAtomically(path, "A=1\n");

        // Assert
        File.ReadAllText(path).Should().Be("A=1\n");
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        SecretFile.IsPrivate(path).Should().BeTrue();
        _temp.Files().Should().Equal("env");
    }

    [Fact]
    public void Replacing_a_world_readable_file_makes_it_private()
    {
        // Arrange
        var path = Path.Join(_temp.Paths.RootDirPath, "env");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        SecretFile.IsPrivate(path).Should().BeFalse();

        // Act
        SecretFile.WriteAtomically(path, "new");

        // Assert
        SecretFile.IsPrivate(path).Should().BeTrue();
    }

    [Fact]
    public void A_symlink_at_the_path_is_replaced_not_followed()
    {
        // Arrange: a link someone planted, pointing at a file they want overwritten.
        var victim = Path.Join(_temp.Paths.RootDirPath, "victim");
        File.WriteAllText(victim, "keep me");
        var path = Path.Join(_temp.Paths.RootDirPath, "env");
        File.CreateSymbolicLink(path, victim);
        SecretFile.IsPrivate(path).Should().BeFalse();

        // Act
        SecretFile.WriteAtomically(path, "A=1\n");

        // Assert
        File.ReadAllText(victim).Should().Be("keep me");
        new FileInfo(path).LinkTarget.Should().BeNull();
        File.ReadAllText(path).Should().Be("A=1\n");
    }

    public void Dispose() => _temp.Dispose();
}
