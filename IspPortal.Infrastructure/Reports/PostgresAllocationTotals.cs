using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Receivables;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// The collection report's allocations, days counted in the ISP's zone as the journal dates its entries: unfiltered from the quarter-hour
/// totals the database keeps (<see cref="AllocationQuarterTotal"/>; a day of any zone is whole quarters of an hour, and an allocation's days
/// to pay are its local date less its invoice's issue date, so the quarter's count times its local date less the summed issue dates);
/// filtered by the customers' location, router, package or status from the allocations themselves through the index on allocated_at.
/// </summary>
public sealed class PostgresAllocationTotals : IAllocationTotals
{
    public async Task<IReadOnlyList<AllocationTotal>> ForAsync(IIspDb db, DateOnly from, DateOnly to, TimeZoneInfo zone, AgingFilter filter, CancellationToken cancellationToken)
    {
        var start = IspClock.StartOfDay(from, zone);
        var end = IspClock.StartOfDay(to.AddDays(1), zone);
        if (filter == AgingFilter.None)
            return Rows(await db.Database.SqlQuery<Row>($"""
                SELECT date_trunc('month', q.quarter AT TIME ZONE {zone.Id})::date AS month, q.method,
                       sum(q.amount) AS amount, sum(q.count)::int AS count,
                       sum(q.count::bigint * ((q.quarter AT TIME ZONE {zone.Id})::date - date '2000-01-01') - q.issue_days)::bigint AS days
                FROM allocation_quarter_totals q
                WHERE q.quarter >= {start} AND q.quarter < {end}
                GROUP BY 1, 2
                """).ToListAsync(cancellationToken));
        var status = filter.Status?.ToString();
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT date_trunc('month', a.allocated_at AT TIME ZONE {zone.Id})::date AS month, y.method,
                   sum(a.amount) AS amount, count(*)::int AS count,
                   sum((a.allocated_at AT TIME ZONE {zone.Id})::date - i.issue_date)::bigint AS days
            FROM payment_allocations a
            JOIN payments y ON y.id = a.payment_id
            JOIN invoices i ON i.id = a.invoice_id
            JOIN customers c ON c.id = i.customer_id
            WHERE a.allocated_at >= {start} AND a.allocated_at < {end}
              AND ({filter.LocationId}::int IS NULL OR c.location_code_id = {filter.LocationId})
              AND ({filter.RouterId}::int IS NULL OR c.router_id = {filter.RouterId})
              AND ({filter.PackageId}::int IS NULL OR c.service_package_id = {filter.PackageId})
              AND ({status}::text IS NULL OR c.status = {status})
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken);
        return Rows(rows);
    }

    private static List<AllocationTotal> Rows(List<Row> rows) =>
        [.. rows.Select(r => new AllocationTotal(r.Month, Enum.Parse<PaymentMethod>(r.Method), r.Amount, r.Count, r.Days))];

    private sealed record Row(DateOnly Month, string Method, decimal Amount, int Count, long Days);
}
