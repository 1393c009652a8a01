using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace RigBootstrap.Cli.Hosting;

/// <summary>
/// The Generic Host `run` lives in (docs/adr/0006-generic-host.md). Only `run` builds one: the short verbs stay host-free.
/// The host's lifetime turns SIGTERM and SIGINT into a stop of <see cref="DaemonRunService"/>, which must be done within
/// <see cref="StopBudget"/>. The console lifetime does this for launchd and systemd alike; the unit stays Type=simple
/// (the ADR says why systemd's notify lifetime does not earn its place).
/// </summary>
public static class DaemonHost
{
    /// <summary>
    /// How long a stop may take before the host gives up waiting for the run. launchd sends SIGKILL ExitTimeOut after
    /// SIGTERM (launchd.plist(5): "system-defined"; 20 s in the versions that named it; our plist leaves it unset), and
    /// systemd after TimeoutStopSec (systemd.service(5), 90 s by default). The runner needs its grace period (2 s) plus
    /// the kill of the tree; 10 s leaves half of launchd's budget for the last persistence and the exit.
    /// </summary>
    public static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="run"/> as the host's hosted service until it ends or the host is stopped; returns the exit code.</summary>
    /// <param name="serilog">The logger the host's ILoggerFactory wraps (Serilog.Extensions.Hosting); the caller owns and disposes it.</param>
    /// <param name="run">One whole run, given the host's logger factory and the stopping token.</param>
    public static async Task<int> RunAsync(Serilog.ILogger serilog, Func<ILoggerFactory, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        // The empty builder: no configuration files, environment or command-line sources and no logging providers, which
        // a daemon driven by its own config file does not use and whose start-up cost every boot would pay.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "rig-bootstrap" });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = StopBudget);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.Services.AddSerilog(serilog, dispose: false);
        builder.Services.AddSingleton(provider => new DaemonRunService(
            ct => run(provider.GetRequiredService<ILoggerFactory>(), ct),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DaemonRunService>());

        using var host = builder.Build();
        var service = host.Services.GetRequiredService<DaemonRunService>();
        await host.RunAsync(cancellationToken);
        if (!service.ExitCode.IsCompleted)
        {
            // The host stopped and the run did not finish within the budget: what it persisted so far stands (every step
            // is written before its work), and the next run resumes from there.
            Console.Error.WriteLine($"rig-bootstrap: the run did not stop within {StopBudget.TotalSeconds:0} s of the stop request; exiting, the next run resumes from the state file (exit {ExitCodes.Stopped})");
            return ExitCodes.Stopped;
        }

        return await service.ExitCode;
    }
}
