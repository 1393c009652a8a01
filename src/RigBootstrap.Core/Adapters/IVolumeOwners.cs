namespace RigBootstrap.Core.Adapters;

/// <summary>
/// Who may authorize changes to the boot volume: on Apple Silicon only a volume owner can install a macOS update
/// (`softwareupdate --user <owner> --stdinpass`), so os-upgrade checks before it spends a reboot on one.
/// </summary>
public interface IVolumeOwners
{
    Task<VolumeOwnership> CheckAsync(string userName, CancellationToken cancellationToken);
}
