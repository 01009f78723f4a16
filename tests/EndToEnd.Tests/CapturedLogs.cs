using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// A logger provider that keeps every line with the scopes it was written in (as the pairs a structured provider
/// would get), so tests can check which environment a line says it belongs to.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLine> Lines => [.. _lines];

    /// <summary>The lowest level kept (the operator logs from Debug up in the harness); Information unless a test needs more.</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Information;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record CapturedLine(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((value, pairs) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> entries)
                {
                    foreach (var (key, item) in entries)
                    {
                        pairs[key] = item;
                    }
                }
            }, scope);
            owner._lines.Enqueue(new CapturedLine(category, formatter(state, exception), scope));
        }
    }
}
