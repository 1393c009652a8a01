using System.Runtime.Versioning;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

// Serial: the zombie check looks at every child of this test process.
[Collection(nameof(SerialCollection))]
[UnsupportedOSPlatform("windows")]
public sealed class ProcessRunnerStartFailureTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public void A_missing_executable_throws_at_once_naming_the_path()
    {
        using var temp = new TempDir();
        var missing = temp.PathOf("no-such-tool");

        Action run = () => _runner.RunAsync(new CommandSpec { FileName = missing }, CancellationToken.None);

        run.Should().Throw<ProcessStartException>()
            .Where(ex => ex.FileName == missing)
            .WithMessage($"*'{missing}'*no such file*");
        ProcessProbe.ZombieChildrenOfThisProcess().Should().BeEmpty();
    }

    [Fact]
    public void A_missing_working_directory_throws_at_once_naming_it()
    {
        using var temp = new TempDir();
        var missingDir = temp.PathOf("gone");

        Action run = () => _runner.RunAsync(new CommandSpec { FileName = "/bin/sh", WorkingDirPath = missingDir }, CancellationToken.None);

        run.Should().Throw<ProcessStartException>()
            .Where(ex => ex.WorkingDirPath == missingDir)
            .WithMessage($"*'{missingDir}'*does not exist*");
        ProcessProbe.ZombieChildrenOfThisProcess().Should().BeEmpty();
    }

    [Fact]
    public void A_file_that_is_not_executable_throws_with_the_os_error_and_leaves_no_zombie()
    {
        using var temp = new TempDir();
        var script = temp.PathOf("not-executable.sh");
        File.WriteAllText(script, "#!/bin/sh\necho never\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Action run = () => _runner.RunAsync(new CommandSpec { FileName = script }, CancellationToken.None);

        run.Should().Throw<ProcessStartException>()
            .Where(ex => ex.NativeErrorCode != null)
            .WithMessage("*errno*");
        ProcessProbe.ZombieChildrenOfThisProcess().Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_user_throws_a_start_failure()
    {
        var spec = new CommandSpec { FileName = "/bin/sh", Arguments = ["-c", "true"], UserName = "no-such-user-" + Guid.NewGuid().ToString("N")[..8] };

        Action run = () => _runner.RunAsync(spec, CancellationToken.None);

        run.Should().Throw<ProcessStartException>();
    }
}
