namespace RigBootstrap.ServiceDefinitions.Tests;

public sealed class PlistDictionaryTests
{
    [Fact]
    public void A_key_given_twice_is_refused()
    {
        // Act
        var create = () => new PlistDictionary([new("Label", new PlistString("a")), new("Label", new PlistString("b"))]);

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("The plist dictionary key 'Label' appears more than once*");
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_different_keys()
    {
        // Act
        var dictionary = new PlistDictionary([new("path", new PlistString("a")), new("PATH", new PlistString("b"))]);

        // Assert
        dictionary.Keys.Should().Equal("path", "PATH");
    }

    [Fact]
    public void Entries_keep_the_order_they_were_given_in()
    {
        // Act
        var dictionary = new PlistDictionary([new("z", new PlistInteger(1)), new("a", new PlistInteger(2)), new("m", new PlistInteger(3))]);

        // Assert
        dictionary.Keys.Should().Equal("z", "a", "m");
    }

    [Fact]
    public void Dictionaries_with_equal_entries_in_the_same_order_are_equal()
    {
        // Arrange
        var first = new PlistDictionary([new("a", new PlistArray([new PlistString("x")])), new("b", new PlistBoolean(true))]);
        var second = new PlistDictionary([new("a", new PlistArray([new PlistString("x")])), new("b", new PlistBoolean(true))]);

        // Act and Assert
        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void The_same_entries_in_another_order_are_a_different_dictionary()
    {
        // Arrange
        var first = new PlistDictionary([new("a", new PlistInteger(1)), new("b", new PlistInteger(2))]);
        var second = new PlistDictionary([new("b", new PlistInteger(2)), new("a", new PlistInteger(1))]);

        // Act and Assert
        first.Should().NotBe(second);
    }

    [Fact]
    public void Try_get_value_finds_a_key_and_reports_a_missing_one()
    {
        // Arrange
        var dictionary = new PlistDictionary([new("Label", new PlistString("com.rig.x"))]);

        // Act
        var found = dictionary.TryGetValue("Label", out var label);
        var missing = dictionary.TryGetValue("label", out var nothing);

        // Assert
        found.Should().BeTrue();
        label.Should().Be(new PlistString("com.rig.x"));
        missing.Should().BeFalse();
        nothing.Should().BeNull();
    }
}
