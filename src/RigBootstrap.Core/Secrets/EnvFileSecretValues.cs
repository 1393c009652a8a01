using System.Collections.Immutable;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// <see cref="ISecretValues"/> read from the env file the secrets step wrote, on first use, and again whenever the
/// file changes (the secrets step may rewrite it in the same run). Nothing is cached on disk or logged.
/// </summary>
public sealed class EnvFileSecretValues : ISecretValues
{
    private readonly string _envFilePath;
    private ImmutableDictionary<string, string>? _values;
    private (DateTime WrittenAt, long Length) _stamp;

    public EnvFileSecretValues(string envFilePath) => _envFilePath = envFilePath;

    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var values = await LoadAsync(cancellationToken);
        return values.GetValueOrDefault(name);
    }

    private async Task<ImmutableDictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        var info = new FileInfo(_envFilePath);
        if (!info.Exists)
        {
            throw new InvalidOperationException(
                $"The env file {_envFilePath} does not exist yet: the secrets step writes it, so run this step after secrets.");
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (_values is null || stamp != _stamp)
        {
            var text = await File.ReadAllTextAsync(_envFilePath, cancellationToken);
            try
            {
                _values = EnvFileFormat.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException(
                    $"The env file {_envFilePath} is damaged ({ex.Message}); run `rig-bootstrap reset secrets` to write it again.", ex);
            }

            _stamp = stamp;
        }

        return _values;
    }
}
