namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class PlistArrayTests
{
    [Fact]
    public void Arrays_with_equal_items_in_the_same_order_are_equal()
    {
        // Arrange
        var first = new PlistArray([new PlistString("a"), new PlistInteger(1), new PlistArray([])]);
        var second = new PlistArray([new PlistString("a"), new PlistInteger(1), new PlistArray([])]);

        // Act and Assert
        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Should().NotBe(new PlistArray([new PlistInteger(1), new PlistString("a"), new PlistArray([])]));
    }

    [Fact]
    public void A_default_item_list_is_read_as_an_empty_array()
    {
        // Act
        var array = new PlistArray(default);

        // Assert
        array.Items.Should().BeEmpty();
    }
}
