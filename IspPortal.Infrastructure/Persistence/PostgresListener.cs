using Microsoft.Extensions.Logging;
using Npgsql;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>
/// One connection that <c>LISTEN</c>s on a PostgreSQL channel for as long as the host runs (the ticket
/// chat's bus, ADR 0011, and the live feeds' bus, ADR 0024). Whatever breaks the connection, it comes
/// back after a pause that grows from 1 s to <see cref="LongestPause"/>: a background service that
/// threw would stop the whole portal. NOTIFY is at most once, so each time it starts listening again
/// the owner is told, to have its screens resynchronise.
/// </summary>
internal sealed class PostgresListener(NpgsqlDataSource source, string channel, string name, ILogger logger)
{
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    /// <summary>The data source a bus listens and notifies on: keepalives let a listener behind a silent network failure notice it and reconnect.</summary>
    public static NpgsqlDataSource DataSource(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Enlist = false }.ConnectionString);

    public static bool FitsNotification(string payload) => System.Text.Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes;

    private volatile bool _listening;

    /// <summary>Whether the <c>LISTEN</c> connection is up (what is published now reaches this instance).</summary>
    public bool IsListening => _listening;

    /// <param name="onListening">After each (re)start of listening, before the first notification is awaited.</param>
    public async Task RunAsync(NotificationEventHandler onNotification, Action onListening, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(stoppingToken);
                connection.Notification += onNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening = true;
                if (failures > 0)
                    logger.LogInformation("{Listener} listener is back after {Failures} failed attempts", name, failures);
                failures = 0;
                onListening();
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Database restart, network, a bug in a handler: the listener must come back.
                _listening = false;
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));
                logger.LogWarning(exception, "{Listener} listener lost its connection; retrying in {Pause}", name, pause);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                _listening = false;
            }
        }
    }
}
