using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class PsProcessTableReaderTests
{
    [Fact]
    public void Ps_output_is_parsed_with_the_start_time_as_marker_and_zombies_left_out()
    {
        const string output = """
                1     0 Ss   Tue Nov 25 13:34:01 2025
              812     1 S    Tue Nov  5 09:00:00 2025
              813   812 Z+   Tue Nov 25 13:35:00 2025
            garbage line
            """;

        var table = PsProcessTableReader.Parse(output);

        table.Entries.Should().Equal(
            new ProcessEntry(1, 0, "Tue Nov 25 13:34:01 2025"),
            new ProcessEntry(812, 1, "Tue Nov  5 09:00:00 2025"));
    }

    [Fact]
    public async Task The_real_ps_lists_this_process_with_its_parent()
    {
        // Arrange
        var reader = new PsProcessTableReader(TimeProvider.System);

        // Act
        var table = await reader.ReadAsync(CancellationToken.None);

        // Assert: an empty table is the documented fallback when there is no ps.
        if (File.Exists("/bin/ps"))
        {
            table.Entries.Should().Contain(entry => entry.Pid == Environment.ProcessId && entry.StartMarker.Length > 0);
        }
        else
        {
            table.Entries.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_missing_ps_gives_an_empty_table()
    {
        using var temp = new TempDir();
        var reader = new PsProcessTableReader(TimeProvider.System, temp.PathOf("no-ps"));

        var table = await reader.ReadAsync(CancellationToken.None);

        table.Entries.Should().BeEmpty();
    }
}
