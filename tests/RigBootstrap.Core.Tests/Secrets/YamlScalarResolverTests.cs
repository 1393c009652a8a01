using RigBootstrap.Core.Secrets;
using YamlDotNet.RepresentationModel;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class YamlScalarResolverTests
{
    [Theory]
    [InlineData("v: plain", SopsScalarKind.String, "plain")]
    [InlineData("v: \"92\"", SopsScalarKind.String, "92")]
    [InlineData("v: '92'", SopsScalarKind.String, "92")]
    [InlineData("v: 92", SopsScalarKind.Integer, "92")]
    [InlineData("v: -0x1F", SopsScalarKind.Integer, "-31")]
    [InlineData("v: 0o17", SopsScalarKind.Integer, "15")]
    [InlineData("v: 0b101", SopsScalarKind.Integer, "5")]
    [InlineData("v: 1_000", SopsScalarKind.Integer, "1000")]
    [InlineData("v: 99999999999999999999", SopsScalarKind.Float, "100000000000000000000")]
    [InlineData("v: 3.14000", SopsScalarKind.Float, "3.14")]
    [InlineData("v: .5", SopsScalarKind.Float, "0.5")]
    [InlineData("v: -.inf", SopsScalarKind.Float, "-Inf")]
    [InlineData("v: .NaN", SopsScalarKind.Float, "NaN")]
    [InlineData("v: True", SopsScalarKind.Boolean, "true")]
    [InlineData("v: FALSE", SopsScalarKind.Boolean, "false")]
    [InlineData("v: yes", SopsScalarKind.String, "yes")]
    [InlineData("v: 2021-04-06T09:07:05Z", SopsScalarKind.String, "2021-04-06T09:07:05Z")]
    [InlineData("v: !!str 92", SopsScalarKind.String, "92")]
    [InlineData("v: !!int \"92\"", SopsScalarKind.Integer, "92")]
    [InlineData("v: |\n  two\n  lines", SopsScalarKind.String, "two\nlines")]
    public void Scalars_resolve_as_yaml_v3_decodes_them_into_an_interface(string yaml, SopsScalarKind kind, string text)
    {
        // Act
        var resolved = YamlScalarResolver.Resolve(ValueOf(yaml));

        // Assert
        resolved.Should().Be((kind, text));
    }

    [Theory]
    [InlineData("v: ~")]
    [InlineData("v: null")]
    [InlineData("v: NULL")]
    [InlineData("v:")]
    public void Nulls_resolve_to_nothing(string yaml)
    {
        YamlScalarResolver.Resolve(ValueOf(yaml)).Should().BeNull();
    }

    private static YamlScalarNode ValueOf(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("v")];
    }
}
