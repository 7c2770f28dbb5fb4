using System.Text;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Tickets.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using IspPortal.Infrastructure.Persistence;
using Npgsql;

namespace IspPortal.Infrastructure.Tickets;

/// <summary>
/// The ticket chat bus over PostgreSQL <c>LISTEN/NOTIFY</c> (docs/decisions/0011). One long-lived
/// connection per instance listens on <see cref="Channel"/> and hands every notification to the
/// in-process <see cref="TicketChatFeed"/>; it reconnects with a growing pause and, once back,
/// publishes <see cref="ChatResync"/> locally because what was sent meanwhile is gone. Publishing is
/// <c>SELECT pg_notify(…)</c>: on the use case's connection (delivered at its commit) or on one of
/// its own. Payloads are a few ids as JSON, far below PostgreSQL's 8000-byte limit.
/// </summary>
public sealed class PostgresTicketChatBus : BackgroundService, ITicketChatBus
{
    public const string Channel = "ticket_chat";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _source;
    private readonly TicketChatFeed _feed;
    private readonly ILogger<PostgresTicketChatBus> _logger;
    private readonly PostgresListener _listener;

    public PostgresTicketChatBus(string connectionString, TicketChatFeed feed, ILogger<PostgresTicketChatBus> logger)
    {
        _source = PostgresListener.DataSource(connectionString);
        _feed = feed;
        _logger = logger;
        _listener = new PostgresListener(_source, Channel, "Ticket chat", logger);
    }

    /// <summary>Whether this instance's <c>LISTEN</c> connection is up (events published now reach it).</summary>
    public bool IsListening => _listener.IsListening;

    public async Task PublishAsync(IIspDb db, TicketChatEvent chatEvent, CancellationToken cancellationToken = default)
    {
        var payload = Serialize(chatEvent);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
    }

    public async Task PublishAsync(TicketChatEvent chatEvent, CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = Serialize(chatEvent) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public IDisposable Subscribe(Action<TicketChatEvent> subscriber) => _feed.Subscribe(subscriber);

    public static string Serialize(TicketChatEvent chatEvent)
    {
        var payload = JsonSerializer.Serialize(chatEvent, Json);
        if (!PostgresListener.FitsNotification(payload))
            throw new InvalidOperationException($"A ticket chat event of {Encoding.UTF8.GetByteCount(payload)} bytes is too large for NOTIFY: send ids, not content.");
        return payload;
    }

    public static TicketChatEvent? Deserialize(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TicketChatEvent>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _listener.RunAsync(OnNotification, () => _feed.Publish(new ChatResync()), stoppingToken);

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (Deserialize(args.Payload) is { } chatEvent)
            _feed.Publish(chatEvent);
        else
            _logger.LogWarning("Ignored a ticket chat notification that is not an event: {Payload}", args.Payload);
    }

    public override void Dispose()
    {
        base.Dispose();
        _source.Dispose();
    }
}
