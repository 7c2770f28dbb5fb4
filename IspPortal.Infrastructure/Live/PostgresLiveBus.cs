using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using IspPortal.Core.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IspPortal.Infrastructure.Live;

/// <summary>
/// The live feeds (network, WhatsApp) across the portal's instances over PostgreSQL
/// <c>LISTEN/NOTIFY</c> on one channel (docs/decisions/0024). A feed's <c>Publish</c> queues the
/// item; one sender, in order, sends it as <c>{kind, body}</c> with <c>pg_notify</c> on a pooled
/// connection (publishers publish after their commit). One long-lived connection listens; what it
/// hears is decoded, expanded if it is a reference (a sync diff too large to inline), and delivered
/// to the feed's in-process subscribers, in order, off the listener's thread. After a reconnection
/// every feed delivers its resync item, since what was sent meanwhile is gone.
/// </summary>
public sealed class PostgresLiveBus : BackgroundService, ILiveBus
{
    public const string Channel = "live_feed";
    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _source;
    private readonly IServiceProvider _services;
    private readonly ILogger<PostgresLiveBus> _logger;
    private readonly IReadOnlyList<LiveFeedCodec> _codecs;
    private readonly Channel<Outgoing> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<Outgoing>(new() { SingleReader = true });
    private readonly Channel<string?> _incoming = System.Threading.Channels.Channel.CreateUnbounded<string?>(new() { SingleReader = true });
    private volatile bool _listening;

    public PostgresLiveBus(string connectionString, IServiceProvider services, ILogger<PostgresLiveBus> logger)
    {
        // Keepalives let a listener behind a silent network failure notice it and reconnect.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Enlist = false };
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
        _services = services;
        _logger = logger;
        _codecs = [new NetworkChangesCodec(), new WhatsAppActivityCodec(), new PaymentCodec()];
    }

    /// <summary>Whether this instance's <c>LISTEN</c> connection is up (what is published now reaches it).</summary>
    public bool IsListening => _listening;

    public bool TrySend<T>(LiveFeed<T> feed, T item)
    {
        if (!_listening || item is null || _codecs.FirstOrDefault(c => c.FeedType == feed.GetType()) is not { } codec)
            return false;
        var payload = Envelope(codec.Kind, codec.Encode(item));
        return _outgoing.Writer.TryWrite(new Outgoing(payload, () => feed.Deliver(item)));
    }

    /// <summary>The notification for <paramref name="body"/>; refuses one PostgreSQL would refuse.</summary>
    public static string Envelope(string kind, JsonElement body)
    {
        var payload = JsonSerializer.Serialize(new WireEnvelope(kind, body), LiveFeedCodec.Json);
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
            throw new InvalidOperationException($"A live {kind} event of {Encoding.UTF8.GetByteCount(payload)} bytes is too large for NOTIFY: send a reference.");
        return payload;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken), ReceiveAsync(stoppingToken));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var outgoing in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var command = _source.CreateCommand("SELECT pg_notify($1, $2)");
                    command.Parameters.Add(new NpgsqlParameter { Value = Channel });
                    command.Parameters.Add(new NpgsqlParameter { Value = outgoing.Payload });
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
                {
                    // The other instances miss it (their listeners resync when the database is back); this one still shows it.
                    _logger.LogWarning(exception, "Could not send a live event; delivered on this instance only");
                    outgoing.DeliverLocally();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var payload in _incoming.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(payload, stoppingToken);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
                {
                    _logger.LogWarning(exception, "Ignored a live event that could not be delivered: {Payload}", payload);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(string? payload, CancellationToken cancellationToken)
    {
        if (payload is null)
        {
            foreach (var codec in _codecs)
                codec.DeliverResync(_services);
            return;
        }
        var envelope = JsonSerializer.Deserialize<WireEnvelope>(payload, LiveFeedCodec.Json);
        if (envelope is null || _codecs.FirstOrDefault(c => c.Kind == envelope.K) is not { } known)
        {
            _logger.LogWarning("Ignored a live notification of no known kind: {Payload}", payload);
            return;
        }
        await known.DeliverAsync(envelope.B, _services, cancellationToken);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, args) => _incoming.Writer.TryWrite(args.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening = true;
                if (failures > 0)
                    _logger.LogInformation("Live feed listener is back after {Failures} failed attempts", failures);
                failures = 0;
                _incoming.Writer.TryWrite(null);
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Whatever broke the connection, the listener must come back: a background service
                // that throws would stop the whole portal.
                _listening = false;
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));
                _logger.LogWarning(exception, "Live feed listener lost its connection; retrying in {Pause}", pause);
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

    public override void Dispose()
    {
        base.Dispose();
        _source.Dispose();
    }

    private sealed record Outgoing(string Payload, Action DeliverLocally);

    private sealed record WireEnvelope(string K, JsonElement B);
}
