using IspPortal.Core.Common;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Reports;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>
/// customer_month_revenues follows every way invoices and their lines are written (EF's invoice-then-lines statements, one statement with
/// both, voiding and un-voiding, line updates and deletes, invoice deletes and moves), always equal to the sums over the rows; and the
/// revenue reports read from it equal the old from-scratch SQL (<see cref="ReferenceRevenueQueries"/>) on generated books.
/// </summary>
public sealed class CustomerMonthRevenueTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 7, 15, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    // The table's rows that carry anything must be exactly the sums computed from the non-void invoices and their lines.
    private static async Task AssertFollowsRowsAsync(IspDbContext db)
    {
        var differences = await db.Database.SqlQueryRaw<int>("""
            WITH scratch AS (
                SELECT i.customer_id, i.period AS month,
                       coalesce(sum(round(l.amount / l.quantity, 2)) FILTER (WHERE l.kind = 'Subscription'), 0) AS subscription,
                       coalesce(sum(l.amount) FILTER (WHERE l.kind = 'Discount'), 0) AS discount,
                       (array_agg(l.service_package_id ORDER BY l.amount DESC, l.id) FILTER (WHERE l.kind = 'Subscription'))[1] AS package_id
                FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
                WHERE i.status <> 'Void' AND l.kind IN ('Subscription', 'Discount')
                GROUP BY i.customer_id, i.period
            ), kept AS (
                SELECT customer_id, month, subscription, discount, package_id FROM customer_month_revenues
                WHERE subscription <> 0 OR discount <> 0 OR package_id IS NOT NULL
            )
            SELECT count(*)::int AS "Value" FROM ((SELECT * FROM scratch EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM scratch)) d
            """).SingleAsync();
        Assert.Equal(0, differences);
        Assert.Equal(0, await db.CustomerMonthRevenues.CountAsync(r => r.Mrr != Math.Max(r.Subscription - r.Discount, 0)));
        // Each row carries the month before's MRR, and a paying month is followed by a row (the churn when nothing is paid).
        var unlinked = await db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM customer_month_revenues t
            LEFT JOIN customer_month_revenues p ON p.customer_id = t.customer_id AND p.month = (t.month - interval '1 month')::date
            LEFT JOIN customer_month_revenues n ON n.customer_id = t.customer_id AND n.month = (t.month + interval '1 month')::date
            WHERE t.previous_mrr <> coalesce(p.mrr, 0) OR (t.mrr > 0 AND n.customer_id IS NULL)
            """).SingleAsync();
        Assert.Equal(0, unlinked);
    }

    private static async Task<decimal?> MrrAsync(IspDbContext db, int customerId, DateOnly month) =>
        (await db.CustomerMonthRevenues.AsNoTracking().SingleOrDefaultAsync(r => r.CustomerId == customerId && r.Month == month))?.Mrr;

    private static Task<int> SqlAsync(IspDbContext db, string sql, params object[] args) => db.Database.ExecuteSqlRawAsync(sql, args);

    [Fact]
    public async Task The_table_follows_inserts_voids_updates_and_deletes_of_invoices_and_their_lines()
    {
        await using var db = database.CreateDbContext();
        var (_, _, p20, p50) = await RevenueReportData.SeedAsync(db, _clock.GetUtcNow());
        await AssertFollowsRowsAsync(db);
        int Customer(string name) => db.Customers.Single(c => c.FullName == name).Id;
        var (e, f, c) = (Customer("E"), Customer("F"), Customer("C"));
        var may = new DateOnly(2025, 5, 1);
        // Saved by EF: the invoices in one statement, their lines in the next; E's May discount of 50; F's May invoice voided.
        Assert.Equal(250_000m, await MrrAsync(db, e, may));
        Assert.Equal(0m, await MrrAsync(db, f, may));
        Assert.Equal(31, await db.CustomerMonthRevenues.CountAsync(r => r.Mrr > 0));

        // Un-voided: back in.
        await SqlAsync(db, "UPDATE invoices SET status = 'Unpaid', void_reason = NULL, voided_at = NULL WHERE customer_id = {0} AND period = {1}", f, may);
        Assert.Equal(200_000m, await MrrAsync(db, f, may));
        await AssertFollowsRowsAsync(db);

        // A line's amount changed, then the discount line deleted.
        await SqlAsync(db, "UPDATE invoice_lines SET unit_price = 80000, amount = 80000 WHERE kind = 'Discount' AND invoice_id = (SELECT id FROM invoices WHERE customer_id = {0} AND period = {1})", e, may);
        Assert.Equal(220_000m, await MrrAsync(db, e, may));
        await SqlAsync(db, "DELETE FROM invoice_lines WHERE kind = 'Discount' AND invoice_id = (SELECT id FROM invoices WHERE customer_id = {0} AND period = {1})", e, may);
        Assert.Equal(300_000m, await MrrAsync(db, e, may));
        await AssertFollowsRowsAsync(db);

        // An invoice first, its lines in a later statement (three months billed at once: per month 100 and 50 of two packages).
        var july = new DateOnly(2025, 7, 1);
        await SqlAsync(db, """
            INSERT INTO invoices (number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total, amount_paid, status, created_at, updated_at)
            VALUES ('T/1', {0}, {1}, {1}, {1}, 0, 0, 0, 0, 0, 0, 'Unpaid', now(), now())
            """, c, july);
        Assert.Equal(0m, await MrrAsync(db, c, july)); // the row kept for June's churn
        await SqlAsync(db, """
            INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price, amount, service_package_id)
            SELECT i.id, v.position, v.kind, 'x', v.quantity, v.amount / v.quantity, v.amount, v.package
            FROM invoices i, (VALUES (1, 'Subscription', 3, 300000.00, {1}), (2, 'Subscription', 1, 50000.00, {2}), (3, 'Installation', 1, 99000.00, NULL)) v(position, kind, quantity, amount, package)
            WHERE i.number = 'T/1'
            """, c, p20, p50);
        var row = await db.CustomerMonthRevenues.AsNoTracking().SingleAsync(r => r.CustomerId == c && r.Month == july);
        Assert.Equal((150_000m, 0m, 150_000m, p20), (row.Subscription, row.Discount, row.Mrr, row.PackageId));

        // An invoice and its lines in one statement; a discount larger than the subscription leaves no MRR (never below zero).
        var august = new DateOnly(2025, 8, 1);
        await SqlAsync(db, """
            WITH i AS (
                INSERT INTO invoices (number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total, amount_paid, status, created_at, updated_at)
                VALUES ('T/2', {0}, {1}, {1}, {1}, 0, 0, 0, 0, 0, 0, 'Unpaid', now(), now()) RETURNING id)
            INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price, amount, service_package_id)
            SELECT i.id, v.position, v.kind, 'x', 1, v.amount, v.amount, v.package FROM i,
                   (VALUES (1, 'Subscription', 200000.00, {2}), (2, 'Discount', 250000.00, NULL::int)) v(position, kind, amount, package)
            """, c, august, p20);
        row = await db.CustomerMonthRevenues.AsNoTracking().SingleAsync(r => r.CustomerId == c && r.Month == august);
        Assert.Equal((200_000m, 250_000m, 0m), (row.Subscription, row.Discount, row.Mrr));
        await AssertFollowsRowsAsync(db);

        // Moved to another period, then deleted with its lines (cascade).
        var september = new DateOnly(2025, 9, 1);
        await SqlAsync(db, "UPDATE invoices SET period = {0} WHERE number = 'T/1'", september);
        Assert.Equal(0m, await MrrAsync(db, c, july));
        Assert.Equal(150_000m, await MrrAsync(db, c, september));
        Assert.Equal(150_000m, (await db.CustomerMonthRevenues.AsNoTracking().SingleAsync(r => r.CustomerId == c && r.Month == september.AddMonths(1))).PreviousMrr);
        await AssertFollowsRowsAsync(db);
        await SqlAsync(db, "DELETE FROM invoices WHERE number IN ('T/1', 'T/2')");
        Assert.Equal(0m, await MrrAsync(db, c, september));
        Assert.Equal(0, await db.CustomerMonthRevenues.CountAsync(r => r.CustomerId == c && r.Month >= july && (r.Subscription != 0 || r.Discount != 0)));
        await AssertFollowsRowsAsync(db);

        // Voided through the domain (EF update of the invoice row).
        var march = await db.Invoices.SingleAsync(i => i.CustomerId == c && i.Period == new DateOnly(2025, 3, 1));
        march.Void("Salah tagih", null, _clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Equal(0m, await MrrAsync(db, c, new DateOnly(2025, 3, 1)));
        await AssertFollowsRowsAsync(db);
    }

    [Fact]
    public async Task The_reports_from_the_table_equal_the_computation_over_every_invoice_line()
    {
        await using (var db = database.CreateDbContext())
        {
            await RevenueBooks.InsertAsync(db);
            await AssertFollowsRowsAsync(db);
        }
        await using var scope = _services.CreateAsyncScope();
        var dbs = scope.ServiceProvider.GetRequiredService<IIspDbFactory>();
        var kept = new PostgresRevenueQueries(dbs);
        var scratch = new ReferenceRevenueQueries(dbs);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        int location, router, package;
        await using (var db = database.CreateDbContext())
        {
            location = await db.LocationCodes.Where(l => l.Code == "RLB").Select(l => l.Id).SingleAsync();
            router = await db.Routers.Where(r => r.Code == "RRA").Select(r => r.Id).SingleAsync();
            package = await db.ServicePackages.Where(p => p.Code == "RP-2").Select(p => p.Id).SingleAsync();
        }
        RevenueFilter[] filters = [RevenueFilter.None, new(LocationId: location), new(RouterId: router), new(PackageId: package), new(location, router, package)];
        var first = RevenueBooks.FirstMonth;
        MonthRange[] ranges = [new(first, first.AddMonths(RevenueBooks.Months - 1)), new(first.AddMonths(6), first.AddMonths(17)),
            new(first.AddMonths(1), first.AddMonths(1)), new(first.AddMonths(RevenueBooks.Months - 3), first.AddMonths(RevenueBooks.Months + 1))];
        var compared = 0;
        foreach (var range in ranges)
        {
            var bounds = range.Bounds(zone);
            foreach (var filter in filters)
            {
                var expected = await scratch.MovementAsync(range, bounds, filter, default);
                Assert.Equal(expected, await kept.MovementAsync(range, bounds, filter, default));
                Assert.Equal(Sorted(await scratch.CohortsAsync(range, bounds, 12, filter, default)), Sorted(await kept.CohortsAsync(range, bounds, 12, filter, default)));
                foreach (var month in range.Months)
                    Assert.Equal(Sorted(await scratch.MixAsync(month, filter, default)), Sorted(await kept.MixAsync(month, filter, default)));
                compared += expected.Sum(m => m.Active + m.ChurnedCustomers);
            }
        }
        // The generated books move every way in the compared months.
        var all = await kept.MovementAsync(ranges[0], ranges[0].Bounds(zone), RevenueFilter.None, default);
        Assert.All(new[] { all.Sum(m => m.NewCustomers), all.Sum(m => m.ReactivatedCustomers), all.Sum(m => m.ExpansionCustomers),
            all.Sum(m => m.ContractionCustomers), all.Sum(m => m.ChurnedCustomers) }, n => Assert.True(n > 5, $"{n}"));
        Assert.True(compared > 10_000, $"{compared}");
    }

    private static List<CohortCell> Sorted(IEnumerable<CohortCell> cells) => [.. cells.OrderBy(c => c.Cohort).ThenBy(c => c.MonthsSince)];

    private static List<MixRow> Sorted(IEnumerable<MixRow> rows) => [.. rows.OrderBy(r => r.Dimension).ThenBy(r => r.Id)];
}
