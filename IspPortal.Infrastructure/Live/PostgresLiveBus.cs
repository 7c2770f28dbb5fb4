using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using IspPortal.Core.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using IspPortal.Infrastructure.Persistence;
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
    private readonly NpgsqlDataSource _source;
    private readonly PostgresListener _listener;
    private readonly IServiceProvider _services;
    private readonly ILogger<PostgresLiveBus> _logger;
    private readonly IReadOnlyList<LiveFeedCodec> _codecs;
    private readonly Channel<Outgoing> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<Outgoing>(new() { SingleReader = true });
    private readonly Channel<string?> _incoming = System.Threading.Channels.Channel.CreateUnbounded<string?>(new() { SingleReader = true });

    public PostgresLiveBus(string connectionString, IServiceProvider services, ILogger<PostgresLiveBus> logger)
    {
        // Keepalives let a listener behind a silent network failure notice it and reconnect.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Enlist = false };
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
        _services = services;
        _logger = logger;
        _codecs = [new NetworkChangesCodec(), new WhatsAppActivityCodec(), new PaymentCodec()];
        _listener = new PostgresListener(_source, Channel, "Live feed", logger);
    }

    /// <summary>Whether this instance's <c>LISTEN</c> connection is up (what is published now reaches it).</summary>
    public bool IsListening => _listener.IsListening;

    public bool TrySend<T>(LiveFeed<T> feed, T item)
    {
        if (!_listener.IsListening || item is null || _codecs.FirstOrDefault(c => c.FeedType == feed.GetType()) is not { } codec)
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

    private Task ListenAsync(CancellationToken stoppingToken) =>
        _listener.RunAsync((_, args) => _incoming.Writer.TryWrite(args.Payload), () => _incoming.Writer.TryWrite(null), stoppingToken);

    public override void Dispose()
    {
        base.Dispose();
        _source.Dispose();
    }

    private sealed record Outgoing(string Payload, Action DeliverLocally);

    private sealed record WireEnvelope(string K, JsonElement B);
}
