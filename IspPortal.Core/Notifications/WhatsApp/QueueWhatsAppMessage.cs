using System.Text.Json;
using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Notifications.WhatsApp;

/// <param name="CustomerCode">The customer to write to (their WhatsApp number); or <paramref name="Phone"/>.</param>
/// <param name="Template">An event key such as <c>invoice_reminder</c> with its <paramref name="Parameters"/>; or <paramref name="Text"/>.</param>
/// <param name="IdempotencyKey">The caller's key: the same key again returns the first message instead of a second.</param>
public sealed record WhatsAppSendRequest(
    string? CustomerCode, string? Phone, string? Template, IReadOnlyDictionary<string, string>? Parameters, string? Text, string? IdempotencyKey);

public sealed record QueuedMessage(long Id, string Recipient, string Template, OutboxStatus Status, bool AlreadyQueued);

/// <summary>
/// A message asked for through the API: validated, then put in the outbox like every other message,
/// so the dispatcher sends it with retries, quiet hours and logging. Free text, or a template whose
/// parameters carry links, speaks in the ISP's name with words or addresses the caller chose: that
/// needs <see cref="Permissions.NotificationsSend"/>, and every link must point to the portal itself
/// (<see cref="PortalAddress"/>), so a key cannot send customers a look-alike pay page.
/// </summary>
public sealed partial class QueueWhatsAppMessage(IIspDbFactory dbs, ICurrentUser currentUser, PortalAddress portal, TimeProvider clock)
{
    /// <summary>Free text, or any parameter that is a link (<c>link_*</c>) or holds one.</summary>
    public static bool NeedsSendPermission(WhatsAppSendRequest request) =>
        !string.IsNullOrWhiteSpace(request.Text) || LinkParameters(request.Parameters).Any();

    /// <summary>The parameters named as links or whose value looks like an address.</summary>
    public static IEnumerable<string> LinkParameters(IReadOnlyDictionary<string, string>? parameters) =>
        (parameters ?? new Dictionary<string, string>())
            .Where(p => p.Key.StartsWith("link_", StringComparison.Ordinal) || LooksLikeLink().IsMatch(p.Value ?? ""))
            .Select(p => p.Key);

    public async Task<Outcome<QueuedMessage>> ExecuteAsync(WhatsAppSendRequest request, CancellationToken cancellationToken = default)
    {
        if (NeedsSendPermission(request) && !(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.NotificationsSend))
            return Outcome.Refused<QueuedMessage>("", Actor.NotPermitted);
        var errors = new FieldErrors();
        var hasCustomer = !string.IsNullOrWhiteSpace(request.CustomerCode);
        errors.When(hasCustomer == !string.IsNullOrWhiteSpace(request.Phone), nameof(request.CustomerCode), "Isi customerCode atau phone (salah satu).");
        var hasTemplate = !string.IsNullOrWhiteSpace(request.Template);
        errors.When(hasTemplate == !string.IsNullOrWhiteSpace(request.Text), nameof(request.Template), "Isi template (dengan parameters) atau text (salah satu).");
        var notification = hasTemplate ? NotificationEvents.Find(request.Template!.Trim()) : NotificationEvents.FreeText;
        errors.When(hasTemplate && notification is null, nameof(request.Template),
            $"Templat '{request.Template}' tidak dikenal. Yang tersedia: {string.Join(", ", NotificationEvents.All.Select(e => e.Key))}.");
        errors.When(request.Text is { Length: > NotificationTemplate.BodyMaxLength }, nameof(request.Text), $"Teks maksimal {NotificationTemplate.BodyMaxLength} karakter.");
        if (notification is not null && hasTemplate)
        {
            var unknown = (request.Parameters?.Keys ?? []).Where(k => !notification.Placeholders.Contains(k) || k == NotificationEvents.PppoePassword).ToList();
            errors.When(unknown.Count > 0, nameof(request.Parameters),
                $"Parameter tidak dikenal untuk '{notification.Key}': {string.Join(", ", unknown)}. Yang tersedia: {string.Join(", ", notification.Placeholders.Where(p => p != NotificationEvents.PppoePassword))}.");
            foreach (var name in LinkParameters(request.Parameters).Where(name => !PointsToPortal(request.Parameters![name])))
                errors.Add($"{nameof(request.Parameters)}.{name}", $"Parameter '{name}' harus tautan ke portal ini ({portal.PublicUrl.GetLeftPart(UriPartial.Authority)}).");
        }
        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : "api:" + request.IdempotencyKey.Trim();
        errors.When(key is { Length: > OutboxMessage.IdempotencyKeyMaxLength }, nameof(request.IdempotencyKey), "Idempotency key terlalu panjang.");
        string? phone = null;
        if (!hasCustomer && !string.IsNullOrWhiteSpace(request.Phone))
        {
            var (e164, phoneError) = IndonesianPhone.Normalise(request.Phone);
            errors.When(phoneError is not null, nameof(request.Phone), phoneError ?? "");
            phone = e164;
        }
        if (errors.Any)
            return Outcome.Refused<QueuedMessage>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        if (key is not null && await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken) is { } existing)
            return Outcome.Done(new QueuedMessage(existing.Id, existing.Recipient, existing.Template, existing.Status, true));
        int? customerId = null;
        var values = new Dictionary<string, string>(request.Parameters ?? new Dictionary<string, string>());
        if (hasCustomer)
        {
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == request.CustomerCode!.Trim(), cancellationToken);
            if (customer is null)
                return Outcome.Refused<QueuedMessage>(nameof(request.CustomerCode), $"Pelanggan {request.CustomerCode} tidak ditemukan.");
            (customerId, phone) = (customer.Id, customer.Phone);
            values.TryAdd("nama", customer.FullName);
            values.TryAdd("kode_pelanggan", customer.Code);
        }
        if (!hasTemplate)
            values["pesan"] = request.Text!.Trim();
        var message = new OutboxMessage(key ?? $"api:{Guid.NewGuid():N}", NotificationChannel.WhatsApp, phone!, notification!.Key, JsonSerializer.Serialize(values),
            clock.GetUtcNow(), customerId);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(new QueuedMessage(message.Id, message.Recipient, message.Template, message.Status, false));
    }

    /// <summary>The whole value is one absolute address on the portal's host: no other address hidden beside it.</summary>
    private bool PointsToPortal(string? value)
    {
        var words = (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 && portal.IsOwn(words[0]);
    }

    [GeneratedRegex(@"://|\bwww\.|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeLink();
}
