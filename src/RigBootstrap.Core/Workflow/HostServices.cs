using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Workflow;

/// <summary>The side effects a workflow reaches, each behind its narrow interface; built once at the edge.</summary>
public sealed record HostServices
{
    public required HostPaths Paths { get; init; }

    /// <summary>The kind of host: decides the service manager, the service definition and the boot id source.</summary>
    public HostPlatform Platform { get; init; } = HostPlatform.MacOs;

    public required ToolTable Tools { get; init; }

    public required IServiceManager ServiceManager { get; init; }

    /// <summary>
    /// launchd in a user's GUI session (gui/&lt;uid&gt;), where the fleet agent runs on a Mac; null where the agent is a
    /// system service (Linux), and the steps use <see cref="ServiceManager"/>.
    /// </summary>
    public Func<string, IServiceManager>? UserSession { get; init; }

    public required IPower Power { get; init; }

    public required IBootIdentity BootIdentity { get; init; }

    public required IKeychain Keychain { get; init; }

    public required ILoginWindow LoginWindow { get; init; }

    public required ISoftwareUpdate SoftwareUpdate { get; init; }

    public required IVolumeOwners VolumeOwners { get; init; }

    public required IXcode Xcode { get; init; }

    /// <summary>The developer directory and its git, and the headless Command Line Tools install (macOS).</summary>
    public required ICommandLineTools CommandLineTools { get; init; }

    public required ITcc Tcc { get; init; }

    /// <summary>What the MDM granted: MDMOverrides.plist and the installed profiles (docs/tcc.md).</summary>
    public required TccPolicySources TccPolicy { get; init; }

    public required IProcessRunner ProcessRunner { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>Makes the HTTP client of a download (the xcode step's archive): no overall timeout, no cookies.</summary>
    public Func<HttpClient> HttpClientFactory { get; init; } = () => new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public IPersistencePointObserver PersistenceObserver { get; init; } = new NoPersistencePointObserver();

    /// <summary>
    /// Runs after `Completed` and before anything of ours is removed: the event outbox delivers what is left, for at
    /// most events.deliverFor from `Completed` (docs/events.md). Returns what could never be delivered, for the
    /// journal, or null. Null without events: the cleanup follows `Completed` at once.
    /// </summary>
    public Func<StateFile, CancellationToken, Task<string?>>? BeforeCleanupAsync { get; init; }

    /// <summary>Told of every journal entry once it is durable (the event outbox, for one).</summary>
    public ImmutableArray<IJournalListener> JournalListeners { get; init; } = [];
}
