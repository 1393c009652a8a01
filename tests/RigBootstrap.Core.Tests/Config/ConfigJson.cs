using System.Text.Json;
using System.Text.Json.Nodes;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>Edits a sample config by field path (<c>steps.xcode.version</c>, <c>commands[0].run</c>) to make one test's case.</summary>
internal sealed class ConfigJson
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly JsonObject _root;

    private ConfigJson(string json) => _root = JsonNode.Parse(json, documentOptions: Lenient)!.AsObject();

    public static ConfigJson DesignExample() => new(ConfigSamples.DesignExample);

    public static ConfigJson Minimal() => new(ConfigSamples.Minimal);

    /// <summary>Sets a field to a JSON value written as text, such as <c>"\"16.2\""</c>, <c>"3"</c> or <c>"[1, 2]"</c>.</summary>
    public ConfigJson SetRaw(string path, string json)
    {
        var (parent, last) = Walk(path);
        var value = JsonNode.Parse(json, documentOptions: Lenient);
        if (parent is JsonArray array)
        {
            // Setting the element just past the end appends one.
            var index = int.Parse(last);
            if (index == array.Count)
            {
                array.Add(value);
            }
            else
            {
                array[index] = value;
            }
        }
        else
        {
            parent.AsObject()[last] = value;
        }

        return this;
    }

    public ConfigJson Set(string path, string value) => SetRaw(path, JsonValue.Create(value).ToJsonString());

    public ConfigJson Remove(string path)
    {
        var (parent, last) = Walk(path);
        parent.AsObject().Remove(last);
        return this;
    }

    public override string ToString() => _root.ToJsonString();

    /// <summary>Finds the parent node of <paramref name="path"/>, creating missing objects on the way.</summary>
    private (JsonNode Parent, string Last) Walk(string path)
    {
        var keys = path.Replace("[", ".").Replace("]", "").Split('.');
        JsonNode node = _root;
        foreach (var key in keys[..^1])
        {
            if (node is JsonArray array)
            {
                node = array[int.Parse(key)]!;
                continue;
            }

            var obj = node.AsObject();
            if (obj[key] is null)
            {
                obj[key] = new JsonObject();
            }

            node = obj[key]!;
        }

        return (node, keys[^1]);
    }
}
