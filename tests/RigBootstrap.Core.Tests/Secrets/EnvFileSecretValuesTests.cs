using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class EnvFileSecretValuesTests : IDisposable
{
    private readonly TempHostRoot _temp = new();

    private string EnvPath => Path.Join(_temp.Paths.RootDirPath, "env");

    [Fact]
    public async Task Values_are_found_by_env_name_and_unknown_names_give_null()
    {
        // Arrange
        SecretFile.WriteAtomically(EnvPath, EnvFileFormat.Render([new("AGENT_PASSWORD", "pa ss\nword"), new("nested__test__file", "another value")]));
        var values = new EnvFileSecretValues(EnvPath);

        // Act
        var password = await values.FindAsync("AGENT_PASSWORD", CancellationToken.None);
        var nested = await values.FindAsync("nested__test__file", CancellationToken.None);
        var missing = await values.FindAsync("NOPE", CancellationToken.None);

        // Assert
        password.Should().Be("pa ss\nword");
        nested.Should().Be("another value");
        missing.Should().BeNull();
    }

    [Fact]
    public async Task A_rewritten_env_file_is_read_again()
    {
        // Arrange
        SecretFile.WriteAtomically(EnvPath, "A=1\n");
        var values = new EnvFileSecretValues(EnvPath);
        (await values.FindAsync("A", CancellationToken.None)).Should().Be("1");

        // Act
        SecretFile.WriteAtomically(EnvPath, "A=22\n");

        // Assert
        (await values.FindAsync("A", CancellationToken.None)).Should().Be("22");
    }

    [Fact]
    public async Task A_missing_env_file_says_the_secrets_step_writes_it()
    {
        // Act
        var act = () => new EnvFileSecretValues(EnvPath).FindAsync("A", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("the secrets step writes it");
    }

    [Fact]
    public async Task A_damaged_env_file_names_the_line_but_no_value()
    {
        // Arrange
        File.WriteAllText(EnvPath, "A=\"hunter2\n");

        // Act
        var act = () => new EnvFileSecretValues(EnvPath).FindAsync("A", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("line 1").And.NotContain("hunter2");
    }

    public void Dispose() => _temp.Dispose();
}
