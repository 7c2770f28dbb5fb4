using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Notifications.WhatsApp;

public enum WebhookVerdict
{
    Accepted,
    /// <summary>Missing or wrong <c>X-Hub-Signature-256</c>, or no app secret configured: nothing is stored.</summary>
    Unauthorized,
    /// <summary>Signed, but not JSON of the Cloud API's shape.</summary>
    Malformed,
}

public sealed record WebhookResult(WebhookVerdict Verdict, int Statuses, int InboundMessages, int Duplicates);

/// <summary>
/// The Cloud API's webhook: the signature is checked over the raw bytes before anything is parsed;
/// delivery statuses move the outbox message forward (never back: they arrive out of order) and are
/// logged once each; inbound messages are stored once (the wamid is unique), matched to the customer
/// by phone, filed on the sender's open ticket or a new one (<see cref="Tickets.Intake.WhatsAppTicketIntake"/>),
/// and open the 24-hour window for free text. Each change is published on the
/// <see cref="WhatsAppFeed"/> once saved. A repeated delivery changes nothing and publishes nothing.
/// </summary>
public sealed class ReceiveWhatsAppWebhook(IIspDbFactory dbs, PortalSettings settings, ISecretProtector secrets, WhatsAppFeed feed, Tickets.Intake.WhatsAppTicketIntake tickets, Tickets.Chat.ITicketChatBus chat, TimeProvider clock)
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>The GET handshake: the challenge when the mode is subscribe and the token matches, else null (403).</summary>
    public async Task<string?> VerifyAsync(string? mode, string? token, string? challenge, CancellationToken cancellationToken = default)
    {
        var configured = await settings.GetAsync<NotificationSettings>(cancellationToken);
        if (mode != "subscribe" || challenge is null || token is null || configured.WebhookVerifyTokenEncrypted is not { } stored)
            return null;
        var expected = Encoding.UTF8.GetBytes(secrets.Unprotect(SecretKind.NotificationCredential, stored));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(token)) ? challenge : null;
    }

    public async Task<WebhookResult> ExecuteAsync(byte[] body, string? signature, CancellationToken cancellationToken = default)
    {
        var configured = await settings.GetAsync<NotificationSettings>(cancellationToken);
        if (configured.CloudApiAppSecretEncrypted is not { } secret || !SignatureMatches(body, signature, secrets.Unprotect(SecretKind.NotificationCredential, secret)))
            return new WebhookResult(WebhookVerdict.Unauthorized, 0, 0, 0);

        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            return new WebhookResult(WebhookVerdict.Malformed, 0, 0, 0);
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            return new WebhookResult(WebhookVerdict.Malformed, 0, 0, 0);

        int statuses = 0, inbound = 0, duplicates = 0;
        await using var db = await dbs.CreateAsync(cancellationToken);
        foreach (var value in entries.EnumerateArray().SelectMany(Changes))
        {
            var names = value.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array
                ? contacts.EnumerateArray().Where(c => c.TryGetProperty("wa_id", out _))
                    .DistinctBy(c => Text(c, "wa_id") ?? "")
                    .ToDictionary(c => Text(c, "wa_id") ?? "", c => c.TryGetProperty("profile", out var p) ? Text(p, "name") : null)
                : [];
            foreach (var status in Items(value, "statuses"))
            {
                if (await RecordStatusAsync(db, status, cancellationToken))
                    statuses++;
                else
                    duplicates++;
            }
            foreach (var message in Items(value, "messages"))
            {
                if (await RecordInboundAsync(db, message, names, cancellationToken))
                    inbound++;
                else
                    duplicates++;
            }
        }
        return new WebhookResult(WebhookVerdict.Accepted, statuses, inbound, duplicates);
    }

    public static bool SignatureMatches(byte[] body, string? header, string appSecret)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
            return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(header["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body), given);
    }

    private async Task<bool> RecordStatusAsync(IIspDb db, JsonElement status, CancellationToken cancellationToken)
    {
        var wamid = Text(status, "id");
        var reported = Text(status, "status") switch
        {
            "delivered" => (OutboxStatus?)OutboxStatus.Delivered,
            "read" => OutboxStatus.Read,
            "failed" => OutboxStatus.Failed,
            _ => null,
        };
        if (wamid is null || reported is null)
            return false;
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.ProviderMessageId == wamid, cancellationToken);
        if (message is null)
            return false;
        var logStatus = reported switch
        {
            OutboxStatus.Delivered => NotificationLogStatus.Delivered,
            OutboxStatus.Read => NotificationLogStatus.Read,
            _ => NotificationLogStatus.Failed,
        };
        if (await db.NotificationLogs.AnyAsync(l => l.OutboxMessageId == message.Id && l.Status == logStatus, cancellationToken))
            return false;
        var at = Text(status, "timestamp") is { } seconds && long.TryParse(seconds, out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : clock.GetUtcNow();
        message.RecordDelivery(reported.Value, at);
        var error = status.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 ? errors[0] : default;
        var reportedError = error.ValueKind == JsonValueKind.Object ? Text(error, "title") ?? Text(error, "message") : null;
        db.NotificationLogs.Add(new NotificationLog(message.Id, at, message.Channel, message.Recipient, message.Template, message.AttemptCount, logStatus)
        {
            CustomerId = message.CustomerId,
            Provider = nameof(WhatsAppProvider.CloudApi),
            ProviderMessageId = wamid,
            ErrorCode = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) ? code.ToString() : null,
            Error = reportedError,
        });
        // The ticket chat's ticks: the reply sent through this outbox message moves on with it.
        var replies = await db.WhatsAppMessages.Where(m => m.OutboxMessageId == message.Id && m.Direction == MessageDirection.Outbound).ToListAsync(cancellationToken);
        foreach (var reply in replies)
        {
            reply.RecordStatus(reported switch
            {
                OutboxStatus.Delivered => WhatsAppMessageStatus.Delivered,
                OutboxStatus.Read => WhatsAppMessageStatus.Read,
                _ => WhatsAppMessageStatus.Failed,
            }, at, reportedError);
        }
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new WhatsAppDeliveryChanged(message.Id, message.CustomerId, message.Status, at));
        foreach (var reply in replies.Where(r => r.TicketId is not null))
            await chat.PublishAsync(db, new Tickets.Chat.ChatDeliveryChanged(reply.TicketId!.Value, reply.Id, reply.Status), cancellationToken);
        return true;
    }

    private async Task<bool> RecordInboundAsync(IIspDb db, JsonElement message, IReadOnlyDictionary<string, string?> names, CancellationToken cancellationToken)
    {
        var wamid = Text(message, "id");
        var from = Text(message, "from");
        if (wamid is null || from is null || !from.All(char.IsAsciiDigit))
            return false;
        if (await db.WhatsAppMessages.Where(m => m.ProviderMessageId == wamid).Select(m => new { m.Id, m.TicketId }).SingleOrDefaultAsync(cancellationToken) is { } earlier)
        {
            // A redelivery after a failure between storing the message and filing it: file it now.
            if (earlier.TicketId is null)
                await tickets.ExecuteAsync(earlier.Id, cancellationToken);
            return false;
        }
        var phone = "+" + from;
        var type = Text(message, "type");
        var body = type == "text" && message.TryGetProperty("text", out var text) ? Text(text, "body") : $"[{type}]";
        var at = Text(message, "timestamp") is { } seconds && long.TryParse(seconds, out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : clock.GetUtcNow();
        var customer = await db.Customers.AsNoTracking().Where(c => c.Phone == phone && c.Status != Customers.CustomerStatus.Terminated)
            .OrderByDescending(c => c.RegisteredAt).FirstOrDefaultAsync(cancellationToken);
        var stored = new WhatsAppMessage(MessageDirection.Inbound, phone, type == "text" ? WhatsAppMessageType.Text : WhatsAppMessageType.Other,
            body is { Length: > WhatsAppMessage.BodyMaxLength } ? SafeText.Clean(body[..WhatsAppMessage.BodyMaxLength]) : body, at, wamid)
        {
            ContactName = names.GetValueOrDefault(from) is { } name ? (name.Length > WhatsAppMessage.ContactNameMaxLength ? name[..WhatsAppMessage.ContactNameMaxLength] : name) : null,
            CustomerId = customer?.Id,
        };
        db.WhatsAppMessages.Add(stored);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same delivery raced in on another request: the unique wamid kept one.
            return false;
        }
        // Set-based: two messages from one customer at once (or the sync touching the row) must not
        // fail each other on the customer's row version and lose a message.
        if (customer is not null)
        {
            await db.Customers.Where(c => c.Id == customer.Id && (c.LastInboundMessageAt == null || c.LastInboundMessageAt < at))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastInboundMessageAt, at), cancellationToken);
        }
        await tickets.ExecuteAsync(stored.Id, cancellationToken);
        feed.Publish(new WhatsAppMessageReceived(stored.Id, stored.CustomerId, phone, stored.ContactName, stored.Body, at));
        return true;
    }

    private static IEnumerable<JsonElement> Changes(JsonElement entry) =>
        entry.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array
            ? changes.EnumerateArray().Where(c => c.TryGetProperty("value", out _)).Select(c => c.GetProperty("value"))
            : [];

    private static List<JsonElement> Items(JsonElement value, string name) =>
        value.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    /// <summary>What customers sent is kept, cleaned of characters the database refuses (<see cref="JsonText"/>).</summary>
    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? JsonText.CleanedOrNull(value) : null;
}
