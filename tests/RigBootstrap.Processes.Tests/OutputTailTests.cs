namespace RigBootstrap.Processes.Tests;

public sealed class OutputTailTests
{
    [Fact]
    public void Output_within_the_capacity_is_kept_whole_and_not_flagged()
    {
        var tail = new OutputTail(16);

        tail.Append("abc\n");
        tail.Append("def");

        tail.ToText().Should().Be("abc\ndef");
        tail.Truncated.Should().BeFalse();
    }

    [Fact]
    public void Only_the_end_is_kept_once_the_capacity_is_exceeded()
    {
        var tail = new OutputTail(10);

        for (var i = 0; i < 100; i++)
        {
            tail.Append($"line-{i}\n");
        }

        tail.ToText().Should().Be("8\nline-99\n");
        tail.Truncated.Should().BeTrue();
    }

    [Fact]
    public void A_single_write_larger_than_the_capacity_keeps_its_end()
    {
        var tail = new OutputTail(4);

        tail.Append("0123456789");

        tail.ToText().Should().Be("6789");
        tail.Truncated.Should().BeTrue();
    }

    [Fact]
    public void A_cut_inside_a_multibyte_character_drops_the_broken_character()
    {
        // "é" is two bytes in UTF-8; 5 bytes of "ééé" start in the middle of the first one.
        var tail = new OutputTail(5);

        tail.Append("ééé");

        tail.ToText().Should().Be("éé");
        tail.Truncated.Should().BeTrue();
    }
}
