using System.Linq.Expressions;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Invoices;

/// <param name="Statuses">Any of these; null for every status (<see cref="InvoiceStatusFilter"/>).</param>
public sealed record InvoiceFilter(
    DateOnly? Period = null,
    IReadOnlyCollection<InvoiceStatus>? Statuses = null,
    int? LocationCodeId = null,
    int? RouterId = null);

public sealed record InvoiceRow(
    int Id,
    string Number,
    DateOnly Period,
    DateOnly IssueDate,
    DateOnly DueDate,
    int CustomerId,
    string CustomerCode,
    string CustomerName,
    string LocationCode,
    string? RouterCode,
    decimal Total,
    decimal AmountPaid,
    decimal AmountDue,
    InvoiceStatus Status);

/// <summary>The filtered invoices as a whole; void invoices are counted but their money is not.</summary>
public sealed record InvoiceTotals(int Count, decimal Total, decimal Paid, decimal Due)
{
    public static readonly InvoiceTotals None = new(0, 0, 0, 0);
}

public sealed record InvoicePage(PagedResult<InvoiceRow> Rows, InvoiceTotals Totals);

/// <summary>
/// The invoice list: filters, a search by invoice number or by the customer (<see cref="CustomerSearch"/>:
/// code, name, phone as typed, PPPoE username, NIK), paged and sorted in the database, with the
/// filtered set's totals.
/// </summary>
public sealed class InvoiceList(IIspDbFactory dbs, IKeyedHasher hasher)
{
    public async Task<InvoicePage> PageAsync(PageRequest request, InvoiceFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoices = await FilterAsync(db, request.SearchTerm, filter, cancellationToken);
        var sortColumns = new Dictionary<string, Expression<Func<Invoice, object?>>>
        {
            [nameof(InvoiceRow.Number)] = i => i.Number,
            [nameof(InvoiceRow.Period)] = i => i.Period,
            [nameof(InvoiceRow.IssueDate)] = i => i.IssueDate,
            [nameof(InvoiceRow.DueDate)] = i => i.DueDate,
            [nameof(InvoiceRow.CustomerName)] = i => i.Customer!.FullName,
            [nameof(InvoiceRow.Total)] = i => i.Total,
            [nameof(InvoiceRow.AmountDue)] = i => i.Total - i.AmountPaid - i.CreditedAmount,
            [nameof(InvoiceRow.Status)] = i => i.Status,
        };
        // Newest month first by default; within a month the tie-breaker (id) keeps the run's order.
        var page = await invoices.ToPageAsync(request with { Descending = request.SortBy is null || request.Descending },
            sortColumns, nameof(InvoiceRow.Period), i => i.Id, cancellationToken);
        var ids = page.Items.Select(i => i.Id).ToList();
        var rows = await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new InvoiceRow(i.Id, i.Number, i.Period, i.IssueDate, i.DueDate, i.CustomerId, i.Customer!.Code, i.Customer.FullName,
                i.Customer.LocationCode!.Code, i.Customer.Router!.Code, i.Total, i.AmountPaid, i.Total - i.AmountPaid - i.CreditedAmount, i.Status))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var totals = await invoices
            .GroupBy(_ => 1)
            .Select(g => new InvoiceTotals(
                g.Count(),
                g.Sum(i => i.Status == InvoiceStatus.Void ? 0 : i.Total),
                g.Sum(i => i.Status == InvoiceStatus.Void ? 0 : i.AmountPaid),
                g.Sum(i => i.Status == InvoiceStatus.Void ? 0 : i.Total - i.AmountPaid - i.CreditedAmount)))
            .SingleOrDefaultAsync(cancellationToken);
        return new InvoicePage(new PagedResult<InvoiceRow>([.. ids.Select(id => rows[id])], page.Total), totals ?? InvoiceTotals.None);
    }

    private async Task<IQueryable<Invoice>> FilterAsync(IIspDb db, string? term, InvoiceFilter filter, CancellationToken cancellationToken)
    {
        var invoices = db.Invoices.AsNoTracking();
        if (filter.Period is { } period)
        {
            var month = Invoice.FirstDayOf(period);
            invoices = invoices.Where(i => i.Period == month);
        }
        if (filter.Statuses is { Count: > 0 } statuses)
            invoices = invoices.Where(i => statuses.Contains(i.Status));
        if (filter.LocationCodeId is { } locationId)
            invoices = invoices.Where(i => i.Customer!.LocationCodeId == locationId);
        if (filter.RouterId is { } routerId)
            invoices = invoices.Where(i => i.Customer!.RouterId == routerId);
        if (term is null)
            return invoices;
        // The customers are looked up first: their ids as a list let PostgreSQL join two index scans
        // (number, customer); a subquery inside the OR made it scan every invoice.
        var customers = await (await CustomerSearch.MatchingAsync(db, db.Customers.AsNoTracking(), term, hasher, cancellationToken))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var number = QueryableExtensions.ContainsPattern(term);
        return invoices.Where(i => EF.Functions.Like(i.Number.ToLower(), number) || customers.Contains(i.CustomerId));
    }
}

/// <summary>
/// The status choices of the invoice list and <c>GET /api/invoices</c>: one status by name, or
/// <see cref="Owing"/> for every invoice still asking for money (unpaid, partly paid, overdue).
/// </summary>
public static class InvoiceStatusFilter
{
    public const string Owing = "owing";

    /// <returns>False for an unknown choice; <paramref name="statuses"/> is null for an empty one (every status).</returns>
    public static bool TryParse(string? choice, out IReadOnlyCollection<InvoiceStatus>? statuses)
    {
        statuses = null;
        if (string.IsNullOrWhiteSpace(choice))
            return true;
        if (string.Equals(choice.Trim(), Owing, StringComparison.OrdinalIgnoreCase))
        {
            statuses = Arrears.Owing;
            return true;
        }
        if (!Enum.TryParse<InvoiceStatus>(choice.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(choice, out _))
            return false;
        statuses = [status];
        return true;
    }

    public static string Unknown(string? choice) =>
        $"Status tidak dikenal: {choice}. Pilih {Owing} atau salah satu: {string.Join(", ", Enum.GetNames<InvoiceStatus>())}.";
}
