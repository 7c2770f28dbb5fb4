using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Staff;

/// <param name="Recipients">The WhatsApp number, and the e-mail address when the customer has one.</param>
/// <param name="AlreadySent">The same link was queued within this minute (a double click): nothing new was added.</param>
public sealed record PortalLinkSent(string CustomerCode, IReadOnlyList<string> Recipients, bool AlreadySent);

/// <summary>
/// Staff send a customer the portal's address on WhatsApp (and e-mail), e.g. while on the phone with
/// them. The link is always the portal's own <c>/pelanggan</c>, never one the staff member types, so
/// <see cref="Permissions.CustomersWrite"/> is enough (unlike free links, which need
/// <see cref="Permissions.NotificationsSend"/>). Keyed by customer and minute: sending again later
/// sends again, a double click does not.
/// </summary>
public sealed class SendPortalLink(IIspDbFactory dbs, ICurrentUser currentUser, PortalAddress portal, IDatabaseErrors errors, TimeProvider clock)
{
    public const string PortalPath = "/pelanggan";
    public const string Terminated = "Pelanggan sudah berhenti berlangganan.";

    public async Task<Outcome<PortalLinkSent>> ExecuteAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.CustomersWrite))
            return Outcome.Refused<PortalLinkSent>("", Actor.NotPermitted);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var code = customerCode.Trim();
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (customer is null)
            return Outcome.Refused<PortalLinkSent>("", $"Pelanggan {code} tidak ditemukan.");
        if (customer.Status == CustomerStatus.Terminated)
            return Outcome.Refused<PortalLinkSent>("", Terminated);

        var now = clock.GetUtcNow();
        var key = $"portal-link:{customer.Code}:{now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        var parameters = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["nama"] = customer.FullName,
            ["kode_pelanggan"] = customer.Code,
            ["link_portal"] = portal.Link(PortalPath),
        });
        var messages = OutboxMessage.ToPhoneAndEmail(key, customer.Phone, customer.Email, NotificationEvents.PortalLink.Key, parameters, now, customer.Id).ToList();
        if (messages.Count == 0)
            return Outcome.Refused<PortalLinkSent>("", $"Pelanggan {customer.Code} tidak punya nomor WhatsApp atau e-mail.");
        var recipients = messages.Select(m => m.Recipient).ToList();

        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        if (await db.OutboxMessages.AnyAsync(m => keys.Contains(m.IdempotencyKey), cancellationToken))
            return Outcome.Done(new PortalLinkSent(customer.Code, recipients, AlreadySent: true));

        db.OutboxMessages.AddRange(messages);
        db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.PortalLinkSent, string.Join(", ", recipients), null, now, actor.UserId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) is not null)
        {
            // The other click of a double click saved first.
            return Outcome.Done(new PortalLinkSent(customer.Code, recipients, AlreadySent: true));
        }
        return Outcome.Done(new PortalLinkSent(customer.Code, recipients, AlreadySent: false));
    }
}
