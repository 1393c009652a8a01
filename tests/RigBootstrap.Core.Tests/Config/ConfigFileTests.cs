using System.Text;
using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

public sealed class ConfigFileTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_valid_file_loads()
    {
        // Arrange
        var filePath = _dir.Write("config.json", ConfigSamples.DesignExample);

        // Act
        var config = ConfigLoader.LoadFile(filePath);

        // Assert
        config.Steps.Xcode!.Version.Should().Be("16.2");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        // Arrange
        var filePath = _dir.Write("config.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ConfigSamples.Minimal)]);

        // Act
        var config = ConfigLoader.LoadFile(filePath);

        // Assert
        config.Agent.User.Should().Be("claude");
    }

    [Fact]
    public void A_missing_file_is_reported_with_the_path_given()
    {
        // Arrange
        var filePath = Path.Combine(_dir.DirPath, "nope.json");

        // Act
        var error = LoadError(filePath);

        // Assert
        error.ToString().Should().Be($"{filePath}: file not found; pass the path of the config JSON");
        error.FieldPath.Should().BeEmpty();
    }

    [Fact]
    public void A_directory_is_refused()
    {
        // Act
        var error = LoadError(_dir.DirPath);

        // Assert
        error.Message.Should().Contain("is a directory, not a file; pass the path of the config JSON file");
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_refused_without_parsing_it()
    {
        // Arrange
        var filePath = _dir.Write("config.json", new byte[2 * 1024 * 1024]);

        // Act
        var error = LoadError(filePath);

        // Assert
        error.Message.Should().Be(
            "the file is 2097152 bytes, over the limit of 1048576 bytes; a config is a few kilobytes, so check that you passed the config JSON");
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_the_offset_of_the_bad_byte()
    {
        // Arrange: "é" in Latin-1 is a lone 0xE9, which is not UTF-8.
        byte[] content = [.. "{ \"label\": \"caf"u8, 0xE9, .. "\" }"u8];
        var filePath = _dir.Write("config.json", content);

        // Act
        var error = LoadError(filePath);

        // Assert
        error.Message.Should().Be(
            "the file is not valid UTF-8: byte 0xE9 at byte offset 15 starts an invalid sequence; save the file as UTF-8");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        // Arrange
        var filePath = _dir.Write("config.json", "");

        // Act
        var error = LoadError(filePath);

        // Assert
        error.Message.Should().StartWith("the file is empty; write the config as one JSON object");
    }

    [Fact]
    public void A_file_of_only_whitespace_counts_as_empty()
    {
        // Arrange
        var filePath = _dir.Write("config.json", " \n\t\n");

        // Act
        var error = LoadError(filePath);

        // Assert
        error.Message.Should().StartWith("the file is empty;");
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line_and_byte_position()
    {
        // Arrange: the comma after "claude" is missing.
        var filePath = _dir.Write("config.json", "{\n  \"agent\": { \"user\": \"claude\"\n    \"home\": \"/Users/claude\" }\n}\n");

        // Act
        var error = LoadError(filePath);

        // Assert
        error.Message.Should().StartWith("the file is not valid JSON at line 3, byte 5 of that line (")
            .And.EndWith("; fix the JSON there (comments and trailing commas are allowed)");
        error.Message.Should().NotContain("LineNumber:");
    }

    [Theory]
    [InlineData("[ { \"agent\": {} } ]", "an array")]
    [InlineData("\"config\"", "a string")]
    [InlineData("null", "null")]
    public void A_root_that_is_not_an_object_is_refused(string json, string kind)
    {
        // Arrange
        var filePath = _dir.Write("config.json", json);

        // Act
        var error = LoadError(filePath);

        // Assert
        error.Message.Should().Be($"the root is {kind}, not an object; write the config as one JSON object {{ … }}");
    }

    private static ConfigError LoadError(string filePath)
    {
        var load = () => ConfigLoader.LoadFile(filePath);
        var error = load.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle().Subject;
        error.FilePath.Should().Be(filePath);
        return error;
    }
}
