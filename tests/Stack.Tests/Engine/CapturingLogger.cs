using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>A logger that keeps every formatted message, so tests can prove secrets never reach a log.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
