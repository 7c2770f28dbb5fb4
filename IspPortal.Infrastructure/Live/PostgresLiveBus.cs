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
/// The live feeds (network, WhatsApp, payments) across the portal's instances over PostgreSQL
/// <c>LISTEN/NOTIFY</c> on one channel (docs/decisions/0024). A feed's <c>Publish</c> queues the
/// item; one sender, in order, sends it as <c>{kind, body}</c> with <c>pg_notify</c> on a pooled
/// connection (publishers publish after their commit). An event too large for a notification (a
/// sync's diff) is stored in <c>live_feed_payloads</c> and the notification carries its id,
/// <c>{kind, ref}</c>, in the same statement. One long-lived connection listens; what it hears is
/// read (a reference from the table), decoded and delivered to the feed's in-process subscribers,
/// in order, off the listener's thread. After a reconnection every feed delivers its resync item,
/// since what was sent meanwhile is gone.
/// </summary>
public sealed class PostgresLiveBus : BackgroundService, ILiveBus
{
    public const string Channel = "live_feed";
    private readonly NpgsqlDataSource _source;
    private readonly PostgresListener _listener;
    private readonly IServiceProvider _services;
    private readonly ILogger<PostgresLiveBus> _logger;
    private readonly IReadOnlyList<LiveFeedCodec> _codecs;
    private readonly Channel<Outgoing> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<Outgoing>(new() { SingleReader = true });
    private readonly Channel<string?> _incoming = System.Threading.Channels.Channel.CreateUnbounded<string?>(new() { SingleReader = true });

    public PostgresLiveBus(string connectionString, IServiceProvider services, ILogger<PostgresLiveBus> logger)
    {
        _source = PostgresListener.DataSource(connectionString);
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
        // Encoded by the sender, in order: a sync's diff of thousands of customers is not serialised on the sync's time.
        return _outgoing.Writer.TryWrite(new Outgoing(codec.Kind,
            () => JsonSerializer.Serialize(new WireEnvelope(codec.Kind, codec.Encode(item), null), LiveFeedCodec.Json), () => feed.Deliver(item)));
    }

    /// <summary>Whether <paramref name="payload"/> travels in the notification itself rather than by reference.</summary>
    public static bool FitsNotification(string payload) => PostgresListener.FitsNotification(payload);

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
                    var payload = outgoing.Encode();
                    var inline = FitsNotification(payload);
                    await using var command = _source.CreateCommand(inline ? "SELECT pg_notify($1, $2)" : SendByReference);
                    command.Parameters.Add(new NpgsqlParameter { Value = Channel });
                    command.Parameters.Add(new NpgsqlParameter { Value = payload });
                    if (!inline)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = outgoing.Kind });
                        command.Parameters.Add(new NpgsqlParameter { Value = LiveFeedPayload.KeptFor });
                    }
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
        if (envelope.R is { } reference)
        {
            if (!known.IsFollowed(_services))
                return;
            if (await StoredAsync(reference, cancellationToken) is not { } stored)
            {
                // Read too late (deleted after LiveFeedPayload.KeptFor): the screens re-read instead.
                _logger.LogWarning("A live {Kind} event {Reference} was gone before it was read; resyncing", envelope.K, reference);
                known.DeliverResync(_services);
                return;
            }
            envelope = JsonSerializer.Deserialize<WireEnvelope>(stored, LiveFeedCodec.Json) ?? envelope;
        }
        known.Deliver(envelope.B, _services);
    }

    private async Task<string?> StoredAsync(long reference, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("SELECT body FROM live_feed_payloads WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = reference });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private Task ListenAsync(CancellationToken stoppingToken) =>
        _listener.RunAsync((_, args) => _incoming.Writer.TryWrite(args.Payload), () => _incoming.Writer.TryWrite(null), stoppingToken);

    public override void Dispose()
    {
        base.Dispose();
        _source.Dispose();
    }

    /// <summary>
    /// Stores the event, forgets those every instance has had time to read, and notifies its id: one
    /// statement, so the row is committed when the notification is delivered.
    /// </summary>
    private const string SendByReference = """
        WITH stored AS (INSERT INTO live_feed_payloads (body, created_at) VALUES ($2, now()) RETURNING id),
             forgotten AS (DELETE FROM live_feed_payloads WHERE created_at < now() - $4::interval)
        SELECT pg_notify($1, json_build_object('k', $3::text, 'r', stored.id)::text) FROM stored
        """;

    private sealed record Outgoing(string Kind, Func<string> Encode, Action DeliverLocally);

    /// <summary>A feed's kind with its body (<c>B</c>), or with the id of the stored event (<c>R</c>).</summary>
    private sealed record WireEnvelope(string K, JsonElement B, long? R);
}
