using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// launchd in one user's GUI session, `gui/&lt;uid&gt;`: where the fleet plan runs the agent, as a LaunchAgent, so that
/// it shares the session whose login keychain autologin unlocked. The domain exists only while the user is logged in
/// at the GUI (launchctl(1) "gui/&lt;uid&gt;/: … a GUI login session"); callers check the console user first.
/// </summary>
public sealed class GuiSessionLaunchd(ToolTable tools, IProcessRunner runner, TimeProvider time, UserIds ids, string user) : IServiceManager
{
    public async Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken) =>
        await (await DomainAsync(cancellationToken)).GetStatusAsync(label, cancellationToken);

    public async Task EnableAsync(string label, CancellationToken cancellationToken) =>
        await (await DomainAsync(cancellationToken)).EnableAsync(label, cancellationToken);

    public async Task LoadAsync(string label, string definitionPath, CancellationToken cancellationToken) =>
        await (await DomainAsync(cancellationToken)).LoadAsync(label, definitionPath, cancellationToken);

    public async Task UnloadAsync(string label, CancellationToken cancellationToken) =>
        await (await DomainAsync(cancellationToken)).UnloadAsync(label, cancellationToken);

    /// <summary>launchd needs nothing before its plist goes: bootout works from the label alone.</summary>
    public Task PrepareRemovalAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RestartAsync(string label, CancellationToken cancellationToken) =>
        await (await DomainAsync(cancellationToken)).RestartAsync(label, cancellationToken);

    private async Task<LaunchctlLaunchd> DomainAsync(CancellationToken cancellationToken) =>
        new(tools, runner, time, $"gui/{await ids.UidOfAsync(user, cancellationToken)}");
}
