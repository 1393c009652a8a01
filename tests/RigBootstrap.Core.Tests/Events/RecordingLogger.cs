using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>A logger that keeps each message with its level, to check what was warned about.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public ImmutableArray<(LogLevel Level, string Message)> Entries
    {
        get { lock (_gate) { return [.. _entries]; } }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
