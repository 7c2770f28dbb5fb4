using System.Linq.Expressions;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <param name="From">First day received, in the ISP's zone.</param>
/// <param name="To">Last day received (inclusive), in the ISP's zone.</param>
public sealed record PaymentFilter(PaymentStatus? Status = null, PaymentMethod? Method = null, DateOnly? From = null, DateOnly? To = null);

/// <param name="ProofName">The transfer receipt photo (<see cref="Customers.Photos.ICustomerPhotoStore"/>).</param>
public sealed record PaymentRow(
    long Id, string Number, string CustomerCode, string CustomerName, PaymentMethod Method, decimal Amount, PaymentStatus Status,
    DateTimeOffset ReceivedAt, string? Reference, string? ProofName, string? RecordedBy, string? RejectionReason, decimal Allocated);

/// <param name="ConfirmedTotal">Confirmed money among every payment the filter matches (all pages).</param>
/// <param name="PendingTransfers">Bank transfers the filter matches that wait for Finance (pending QRIS waits for the gateway, not for a person).</param>
public sealed record PaymentPage(IReadOnlyList<PaymentRow> Items, int Total, decimal ConfirmedTotal, int ConfirmedCount, int PendingTransfers);

/// <summary>
/// The payments list: filters, search by payment number, customer code or name and bank reference,
/// paged and sorted in the database. Without a chosen sort, pending transfers come first (Finance's
/// inbox), then the newest.
/// </summary>
public sealed class PaymentList(IIspDbFactory dbs, IspClock ispClock)
{
    public async Task<PaymentPage> PageAsync(PageRequest request, PaymentFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var payments = await FilterAsync(db, request.SearchTerm, filter, cancellationToken);

        var byStatus = await payments.GroupBy(p => new { p.Status, p.Method })
            .Select(g => new { g.Key.Status, g.Key.Method, Count = g.Count(), Amount = g.Sum(p => p.Amount) })
            .ToListAsync(cancellationToken);
        var confirmed = byStatus.Where(s => s.Status == PaymentStatus.Confirmed).ToList();

        var sortColumns = new Dictionary<string, Expression<Func<Payment, object?>>>
        {
            [nameof(PaymentRow.Number)] = p => p.Number,
            [nameof(PaymentRow.CustomerCode)] = p => p.Customer!.Code,
            [nameof(PaymentRow.CustomerName)] = p => p.Customer!.FullName,
            [nameof(PaymentRow.Method)] = p => p.Method,
            [nameof(PaymentRow.Amount)] = p => p.Amount,
            [nameof(PaymentRow.Status)] = p => p.Status,
            [nameof(PaymentRow.ReceivedAt)] = p => p.ReceivedAt,
        };
        IQueryable<Payment> ordered;
        if (request.SortBy is { } sortBy && sortColumns.TryGetValue(sortBy, out var sort))
            ordered = (request.Descending ? payments.OrderByDescending(sort) : payments.OrderBy(sort)).ThenByDescending(p => p.Id);
        else
            ordered = payments.OrderBy(p => p.Status == PaymentStatus.Pending && p.Method == PaymentMethod.BankTransfer ? 0 : 1).ThenByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id);

        var rows = await ordered.Skip(request.Skip).Take(request.Take)
            .Select(p => new PaymentRow(p.Id, p.Number, p.Customer!.Code, p.Customer.FullName, p.Method, p.Amount, p.Status, p.ReceivedAt,
                p.Reference, p.ProofPath, db.Users.Where(u => u.Id == p.RecordedById).Select(u => u.FullName).FirstOrDefault(),
                p.RejectionReason, p.Allocations.Sum(a => a.Amount)))
            .ToListAsync(cancellationToken);
        return new PaymentPage(rows, byStatus.Sum(s => s.Count), confirmed.Sum(s => s.Amount), confirmed.Sum(s => s.Count),
            byStatus.Where(s => s.Status == PaymentStatus.Pending && s.Method == PaymentMethod.BankTransfer).Sum(s => s.Count));
    }

    private async Task<IQueryable<Payment>> FilterAsync(IIspDb db, string? term, PaymentFilter filter, CancellationToken cancellationToken)
    {
        var payments = db.Payments.AsNoTracking();
        if (filter.Status is { } status)
            payments = payments.Where(p => p.Status == status);
        if (filter.Method is { } method)
            payments = payments.Where(p => p.Method == method);
        if (filter.From is not null || filter.To is not null)
        {
            var zone = await ispClock.ZoneAsync(cancellationToken);
            if (filter.From is { } from)
            {
                var start = IspClock.StartOfDay(from, zone);
                payments = payments.Where(p => p.ReceivedAt >= start);
            }
            if (filter.To is { } to)
            {
                var end = IspClock.StartOfDay(to.AddDays(1), zone);
                payments = payments.Where(p => p.ReceivedAt < end);
            }
        }
        if (term is not null)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            payments = payments.Where(p => EF.Functions.Like(p.Number.ToLower(), pattern)
                || EF.Functions.Like(p.Customer!.Code.ToLower(), pattern)
                || EF.Functions.Like(p.Customer.FullName.ToLower(), pattern)
                || (p.Reference != null && EF.Functions.Like(p.Reference.ToLower(), pattern)));
        }
        return payments;
    }
}
