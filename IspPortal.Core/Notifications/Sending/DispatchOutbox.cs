using System.Diagnostics;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Notifications.Sending;

public sealed record DispatchSummary(int Claimed, int Sent, int Retrying, int Failed, int Skipped);

/// <summary>
/// Sends what is due in the outbox. Each message is claimed (status Sending, a lease, the attempt
/// counted) so no other worker or instance takes it; then it is rendered from its template, sent,
/// and its outcome and a <c>notification_logs</c> row are saved together. A transient failure comes
/// back after a growing pause with jitter, a permanent one (or the last attempt) fails for good. An
/// app that dies mid-send leaves a lease that expires: the message is tried again, so a message is
/// never lost (a provider that accepted it just before the crash may see it twice).
/// </summary>
public sealed class DispatchOutbox(
    IIspDbFactory dbs, IOutboxClaims claims, IEnumerable<IWhatsAppSender> whatsAppSenders, IEmailSender email, PortalSettings settings,
    IspClock ispClock, ISecretProtector secrets, IEnumerable<IMessageDocuments> documents, IEnumerable<IMessageSecrets> messageSecrets,
    Tickets.Chat.ITicketChatBus chat, TimeProvider clock)
{
    public const int BatchSize = 50;
    public const int Workers = 4;
    public const string PasswordMask = "••••••••";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestPause = TimeSpan.FromHours(6);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>30 s, 1 min, 2 min, … up to 6 h, each ±20% so failed messages do not return in lockstep.</summary>
    /// <param name="jitter">0–1; 0.5 is the exact doubling.</param>
    public static TimeSpan Backoff(int attempt, double jitter)
    {
        var pause = FirstRetry.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(pause, LongestPause.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.8 + 0.4 * Math.Clamp(jitter, 0, 1)));
    }

    public async Task<DispatchSummary> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var configured = await settings.GetAsync<NotificationSettings>(cancellationToken);
        // A channel that is not set up yet keeps its messages waiting instead of failing them.
        NotificationChannel[] channels = [
            .. configured.WhatsAppProvider != WhatsAppProvider.Disabled ? [NotificationChannel.WhatsApp] : Array.Empty<NotificationChannel>(),
            .. !string.IsNullOrWhiteSpace(configured.SmtpHost) ? [NotificationChannel.Email] : Array.Empty<NotificationChannel>()];
        var ids = await claims.ClaimDueAsync(now, now + Lease, BatchSize, channels, cancellationToken);
        if (ids.Count == 0)
            return new DispatchSummary(0, 0, 0, 0, 0);
        IReadOnlyDictionary<(string, NotificationChannel), NotificationTemplate> templates;
        await using (var db = await dbs.CreateAsync(cancellationToken))
            templates = await db.NotificationTemplates.AsNoTracking().ToDictionaryAsync(t => (t.EventKey, t.Channel), cancellationToken);
        var context = new SendContext(
            configured,
            (await settings.GetAsync<CompanyProfile>(cancellationToken)).Name,
            await ispClock.ZoneAsync(cancellationToken),
            templates);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<MessageOutcome>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken },
            async (id, token) => outcomes.Add(await SendOneAsync(id, context, token)));
        return new DispatchSummary(ids.Count, outcomes.Count(o => o == MessageOutcome.Sent), outcomes.Count(o => o == MessageOutcome.Retrying),
            outcomes.Count(o => o == MessageOutcome.Failed), outcomes.Count(o => o == MessageOutcome.Skipped));
    }

    private enum MessageOutcome
    {
        Sent,
        Retrying,
        Failed,
        Skipped,
    }

    /// <param name="Templates">The admins' texts, read once per batch (a handful of rows).</param>
    private sealed record SendContext(NotificationSettings Settings, string CompanyName, TimeZoneInfo Zone,
        IReadOnlyDictionary<(string Event, NotificationChannel Channel), NotificationTemplate> Templates);

    private async Task<MessageOutcome> SendOneAsync(long id, SendContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var message = await db.OutboxMessages.Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
        var customer = message.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            : null;
        var notification = NotificationEvents.Find(message.Template);
        var now = clock.GetUtcNow();

        if (context.Templates.GetValueOrDefault((message.Template, message.Channel)) is { IsActive: false })
            return await SkipAsync(db, message, NotificationLogStatus.SkippedDisabled, "Notifikasi ini dinonaktifkan di templat.", null, cancellationToken);
        if (customer?.NotificationsOptOut == true && notification is not { Service: true })
            return await SkipAsync(db, message, NotificationLogStatus.SkippedOptOut, "Pelanggan memilih tidak menerima notifikasi.", null, cancellationToken);
        if (notification?.QuietHours == true && context.Settings.IsQuiet(LocalTime(now, context.Zone)))
            return await SkipAsync(db, message, NotificationLogStatus.SkippedQuietHours, "Jam tenang: dikirim setelah jam tenang berakhir.",
                EndOfQuietHours(now, context), cancellationToken);

        var watch = Stopwatch.StartNew();
        var (provider, result) = notification is null
            ? ("", new SendResult(SendOutcome.Permanent, Error: $"Templat '{message.Template}' tidak dikenal."))
            : await SendAsync(db, message, customer, notification, context, now, cancellationToken);
        return await RecordAsync(db, message, provider, result, (int)watch.ElapsedMilliseconds, context.Settings, cancellationToken);
    }

    private async Task<(string Provider, SendResult Result)> SendAsync(
        IIspDb db, OutboxMessage message, Customers.Customer? customer, NotificationEvent notification, SendContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = context.Templates.GetValueOrDefault((message.Template, message.Channel));
        var body = template?.Body is { Length: > 0 } edited ? edited : notification.DefaultBody;
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(message.Parameters, Json) ?? [];
        values[NotificationEvents.CompanyName] = context.CompanyName;
        var masked = new Dictionary<string, string>(values);
        if (TemplateText.Placeholders(body).Contains(NotificationEvents.PppoePassword))
        {
            // Credentials are read from the encrypted secret at the last moment and never stored in clear.
            values[NotificationEvents.PppoePassword] = await PppoePasswordAsync(db, message.CustomerId, cancellationToken) ?? "";
            masked[NotificationEvents.PppoePassword] = PasswordMask;
        }
        foreach (var source in messageSecrets.Where(s => TemplateText.Placeholders(body).Contains(s.Placeholder)))
        {
            if (await source.RevealAsync(db, message, values, cancellationToken) is not { } secret)
                return ("", new SendResult(SendOutcome.Permanent, ErrorCode: "expired", Error: "Isi rahasia pesan ini sudah tidak berlaku (mis. kode masuk kedaluwarsa); tidak dikirim."));
            values[source.Placeholder] = secret;
            masked[source.Placeholder] = PasswordMask;
        }
        message.Body = TemplateText.Fill(body, masked);
        var files = message.Attachments.Select(a => new OutgoingFile(a.FileName, a.ContentType, a.Content)).ToList();
        if (files.Count == 0)
        {
            foreach (var source in documents)
            {
                if (await source.ForAsync(message, values, cancellationToken) is { } file)
                    files.Add(file);
            }
        }

        if (message.Channel == NotificationChannel.Email)
        {
            var subject = TemplateText.Fill(template?.Subject ?? notification.DefaultSubject, values);
            message.Subject = TemplateText.Fill(template?.Subject ?? notification.DefaultSubject, masked);
            var text = TemplateText.Fill(body, values);
            return ("smtp", await email.SendAsync(context.Settings, new EmailOutgoing(message.Recipient, subject, text, HtmlOf(text), files), cancellationToken));
        }

        var sender = whatsAppSenders.FirstOrDefault(s => s.Provider == context.Settings.WhatsAppProvider.ToString());
        if (sender is null)
            return ("", new SendResult(SendOutcome.Permanent, ErrorCode: "disabled", Error: "WhatsApp belum diaktifkan di pengaturan notifikasi."));
        // Inside the 24-hour customer-service window free text is allowed; outside it only an approved template.
        var insideWindow = WhatsAppServiceWindow.IsOpen(await WhatsAppServiceWindow.LastInboundAsync(db, customer, message.Recipient, cancellationToken), now);
        var useTemplate = template?.WhatsAppTemplateName is { Length: > 0 } && !insideWindow;
        // A WhatsApp message carries one document: the first attachment (the invoice or receipt PDF).
        var outgoing = new WhatsAppOutgoing(message.Recipient, TemplateText.Fill(body, values),
            useTemplate ? template!.WhatsAppTemplateName : null, template?.WhatsAppLanguage ?? "id",
            useTemplate ? [.. TemplateText.Placeholders(body).Select(p => values.GetValueOrDefault(p, ""))] : [], files.FirstOrDefault());
        return (sender.Provider, await sender.SendAsync(context.Settings, outgoing, cancellationToken));
    }

    private async Task<string?> PppoePasswordAsync(IIspDb db, int? customerId, CancellationToken cancellationToken)
    {
        var encrypted = await db.PppoeSecrets.AsNoTracking()
            .Where(s => s.CustomerId == customerId && !s.IsReplica && s.Status != PppoeSecretStatus.Removed)
            .Select(s => s.PasswordEncrypted).FirstOrDefaultAsync(cancellationToken);
        return encrypted is null ? null : secrets.Unprotect(SecretKind.PppoePassword, encrypted);
    }

    private async Task<MessageOutcome> RecordAsync(
        IIspDb db, OutboxMessage message, string provider, SendResult result, int durationMs, NotificationSettings settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lastAttempt = message.AttemptCount >= settings.MaxAttempts;
        var (status, outcome) = result.Outcome switch
        {
            SendOutcome.Sent => (NotificationLogStatus.Sent, MessageOutcome.Sent),
            SendOutcome.Transient when !lastAttempt => (NotificationLogStatus.TransientFailure, MessageOutcome.Retrying),
            _ => (NotificationLogStatus.PermanentFailure, MessageOutcome.Failed),
        };
        switch (outcome)
        {
            case MessageOutcome.Sent:
                message.MarkSent(result.ProviderMessageId, now);
                break;
            case MessageOutcome.Retrying:
                message.MarkTransientFailure(result.Error ?? "Gagal sementara.", now + Backoff(message.AttemptCount, Random.Shared.NextDouble()));
                break;
            default:
                message.MarkFailed(result.Error ?? "Gagal.", now);
                break;
        }
        db.NotificationLogs.Add(new NotificationLog(message.Id, now, message.Channel, message.Recipient, message.Template, message.AttemptCount, status)
        {
            CustomerId = message.CustomerId,
            Provider = provider.Length == 0 ? null : provider,
            ProviderMessageId = result.ProviderMessageId,
            ErrorCode = result.ErrorCode,
            Error = result.Error,
            DurationMs = durationMs,
        });
        // A ticket chat reply is also a whatsapp_messages row: its ticks follow the outbox (sent once the provider accepts it).
        var replies = await db.WhatsAppMessages.Where(m => m.OutboxMessageId == message.Id && m.Direction == MessageDirection.Outbound).ToListAsync(CancellationToken.None);
        foreach (var reply in replies)
        {
            if (outcome == MessageOutcome.Sent)
                reply.MarkAccepted(result.ProviderMessageId, now);
            else if (outcome == MessageOutcome.Failed)
                reply.RecordStatus(WhatsAppMessageStatus.Failed, now, message.LastError);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var reply in replies.Where(r => r.TicketId is not null && outcome != MessageOutcome.Retrying))
            await chat.PublishAsync(db, new Tickets.Chat.ChatDeliveryChanged(reply.TicketId!.Value, reply.Id, reply.Status), CancellationToken.None);
        return outcome;
    }

    private async Task<MessageOutcome> SkipAsync(
        IIspDb db, OutboxMessage message, NotificationLogStatus status, string reason, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (until is { } later)
            message.Postpone(later);
        else
            message.Cancel(reason);
        db.NotificationLogs.Add(new NotificationLog(message.Id, clock.GetUtcNow(), message.Channel, message.Recipient, message.Template, message.AttemptCount, status)
        {
            CustomerId = message.CustomerId,
            Error = reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        return MessageOutcome.Skipped;
    }

    private static TimeOnly LocalTime(DateTimeOffset at, TimeZoneInfo zone) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset EndOfQuietHours(DateTimeOffset now, SendContext context)
    {
        var local = TimeZoneInfo.ConvertTime(now, context.Zone);
        var end = new DateTimeOffset(local.Date + context.Settings.QuietHoursEnd.ToTimeSpan(), local.Offset);
        return end > local ? end.ToUniversalTime() : end.AddDays(1).ToUniversalTime();
    }

    private static string HtmlOf(string text) =>
        "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>";
}
