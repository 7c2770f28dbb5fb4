using System.Linq.Expressions;
using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Notifications;

/// <param name="Body">As rendered when sent, credentials masked; null until the first attempt.</param>
public sealed record OutboxRow(
    long Id, DateTimeOffset CreatedAt, NotificationChannel Channel, string Recipient, string? CustomerCode, string Template, OutboxStatus Status,
    int AttemptCount, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError, string? Body);

/// <summary>
/// Every message the portal queued, newest first: what went out, what waits, what failed and why.
/// Roles that may not read billing (NOC, Technician) see the texts without amounts and without the
/// customers' pay and ticket links, which open an invoice or a ticket to whoever holds them.
/// </summary>
public sealed partial class OutboxList(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public const string HiddenAmount = "Rp •••";
    public const string HiddenLink = "[tautan disembunyikan]";

    public async Task<PagedResult<OutboxRow>> PageAsync(PageRequest request, OutboxStatus? status, CancellationToken cancellationToken = default)
    {
        var seesBilling = (await currentUser.GetAsync(cancellationToken)).Holds(Permissions.BillingRead);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var messages = db.OutboxMessages.AsNoTracking();
        if (status is { } wanted)
            messages = messages.Where(m => m.Status == wanted);
        if (request.SearchTerm is { } term)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            messages = messages.Where(m => EF.Functions.Like(m.Recipient.ToLower(), pattern) || EF.Functions.Like(m.Template.ToLower(), pattern)
                || db.Customers.Any(c => c.Id == m.CustomerId && EF.Functions.Like(c.Code.ToLower(), pattern)));
        }
        var sortColumns = new Dictionary<string, Expression<Func<OutboxMessage, object?>>>
        {
            [nameof(OutboxRow.CreatedAt)] = m => m.CreatedAt,
            [nameof(OutboxRow.Status)] = m => m.Status,
            [nameof(OutboxRow.Template)] = m => m.Template,
        };
        var page = await messages.ToPageAsync(request with { Descending = request.SortBy is null || request.Descending }, sortColumns, nameof(OutboxRow.CreatedAt), m => m.Id, cancellationToken);
        var ids = page.Items.Select(m => m.Id).ToList();
        var codes = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id) && m.CustomerId != null)
            .Select(m => new { m.Id, Code = db.Customers.Where(c => c.Id == m.CustomerId).Select(c => c.Code).FirstOrDefault() })
            .ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
        return new PagedResult<OutboxRow>(page.Items.Select(m => new OutboxRow(m.Id, m.CreatedAt, m.Channel, m.Recipient, codes.GetValueOrDefault(m.Id), m.Template,
            m.Status, m.AttemptCount, m.NextAttemptAt, m.SentAt, m.LastError, seesBilling ? m.Body : WithoutBilling(m.Body))).ToList(), page.Total);
    }

    public static string? WithoutBilling(string? body) =>
        body is null ? null : Amount().Replace(CustomerLink().Replace(body, HiddenLink), HiddenAmount);

    [GeneratedRegex(@"Rp\s?-?\d[\d.,]*", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\S*/(?:bayar|tiket)/\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CustomerLink();
}
