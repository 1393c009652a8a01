using System.Text.Json;

namespace RigBootstrap.Core.Tests.Status;

public sealed class SchemaSubsetValidatorTests
{
    private static IReadOnlyList<string> Validate(string schema, string instance)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var instanceDocument = JsonDocument.Parse(instance);
        return SchemaSubsetValidator.Validate(schemaDocument.RootElement, instanceDocument.RootElement);
    }

    [Theory]
    [InlineData("""{"type":"integer"}""", "1.5", "$: is Number, not integer")]
    [InlineData("""{"type":["string","null"]}""", "3", "$: is Number, not string or null")]
    [InlineData("""{"type":"object","required":["a"]}""", "{}", "$: 'a' is required")]
    [InlineData("""{"properties":{"a":{"type":"string"}}}""", """{"a":1}""", "$.a: is Number, not string")]
    [InlineData("""{"properties":{"a":{}},"additionalProperties":false}""", """{"a":1,"b":2}""", "$: 'b' is not a property the schema allows")]
    [InlineData("""{"additionalProperties":{"type":"string"}}""", """{"k":1}""", "$.k: is Number, not string")]
    [InlineData("""{"items":{"type":"string"}}""", """["x",2]""", "$[1]: is Number, not string")]
    [InlineData("""{"enum":["On","Off"]}""", "\"on\"", "$: \"on\" is not one of [\"On\",\"Off\"]")]
    [InlineData("""{"const":1}""", "2", "$: 2 is not 1")]
    [InlineData("""{"minimum":0}""", "-1", "$: -1 is below the minimum 0")]
    [InlineData("""{"format":"date-time"}""", "\"2026-11-25 12:00\"", "$: '2026-11-25 12:00' is not an RFC 3339 date-time")]
    public void Each_keyword_reports_the_value_that_breaks_it(string schema, string instance, string error)
    {
        var errors = Validate(schema, instance);

        errors.Should().Equal(error);
    }

    [Theory]
    [InlineData("""{"type":["string","null"],"format":"date-time"}""", "null")]
    [InlineData("""{"format":"date-time"}""", "\"2026-11-25T14:26:34.3546616+00:00\"")]
    [InlineData("""{"type":"integer","minimum":0}""", "0")]
    [InlineData("""{"type":"object","properties":{"a":{"const":1}},"additionalProperties":false,"required":["a"]}""", """{"a":1}""")]
    public void Valid_values_pass(string schema, string instance)
    {
        Validate(schema, instance).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"pattern":"^a"}""")]
    [InlineData("""{"format":"email"}""")]
    public void A_keyword_outside_the_subset_throws_instead_of_being_ignored(string schema)
    {
        var validating = () => Validate(schema, "\"a\"");

        validating.Should().Throw<NotSupportedException>();
    }
}
