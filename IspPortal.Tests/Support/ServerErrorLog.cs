using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IspPortal.Tests.Support;

/// <summary>
/// The errors a test portal logged, kept so an assertion on a 500 can say what the server threw:
/// CI keeps only the end of the console output, where the exception of an early test is long gone.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>The last errors logged, newest last, or a note that there were none.</summary>
    public string Recent() => _errors.IsEmpty ? "(the server logged no error)" : string.Join(Environment.NewLine, _errors);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        _errors.Enqueue(entry);
        while (_errors.Count > Kept && _errors.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
