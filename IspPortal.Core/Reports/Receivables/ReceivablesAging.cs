using System.Runtime.CompilerServices;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Statements;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Receivables;

/// <summary>
/// Umur piutang at the end of a day: what every customer still owed then, by days past the due date,
/// per customer and summed per location, router and package; its total (unfiltered) is Piutang usaha in
/// the ledger at that date. Needs reports.read and billing.read (the invoices it reads are billing's;
/// finance.read is not needed: it shows no account of the books beyond the receivable itself).
/// </summary>
public sealed class ReceivablesAging(IIspDbFactory dbs, ICurrentUser currentUser, IspClock clock)
{
    public const int TopDebtorCount = 10;

    public async Task<Outcome<AgingView>> AsOfAsync(DateOnly asOf, AgingFilter filter, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(asOf, cancellationToken) is { } refused)
            return Outcome.Refused<AgingView>(refused);

        var zone = await clock.ZoneAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var owing = await OpenInvoices.PerCustomer(db, asOf, zone, filter).ToListAsync(cancellationToken);
        return Outcome.Done(Build(asOf, owing));
    }

    /// <summary>
    /// The total, the buckets and the number of customers owing, as <see cref="AsOfAsync"/> sums them, in one SQL aggregate
    /// without reading any customer's row: for the finance landing page.
    /// </summary>
    public async Task<Outcome<AgingSummary>> SummaryAsync(DateOnly asOf, AgingFilter filter, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(asOf, cancellationToken) is { } refused)
            return Outcome.Refused<AgingSummary>(refused);

        var zone = await clock.ZoneAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var sums = await OpenInvoices.BucketSums(db, asOf, zone, filter)
            .GroupBy(c => 1)
            .Select(g => new
            {
                NotDue = g.Sum(c => c.NotDue), Days1To30 = g.Sum(c => c.Days1To30), Days31To60 = g.Sum(c => c.Days31To60),
                Days61To90 = g.Sum(c => c.Days61To90), Over90 = g.Sum(c => c.Over90),
                NotDueCount = g.Count(c => c.NotDue != 0), Days1To30Count = g.Count(c => c.Days1To30 != 0), Days31To60Count = g.Count(c => c.Days31To60 != 0),
                Days61To90Count = g.Count(c => c.Days61To90 != 0), Over90Count = g.Count(c => c.Over90 != 0),
                Customers = g.Count(c => c.NotDue + c.Days1To30 + c.Days31To60 + c.Days61To90 + c.Over90 != 0),
            })
            .SingleOrDefaultAsync(cancellationToken);
        decimal[] amounts = sums is null ? new decimal[AgingBuckets.Names.Count] : [sums.NotDue, sums.Days1To30, sums.Days31To60, sums.Days61To90, sums.Over90];
        int[] counts = sums is null ? new int[AgingBuckets.Names.Count] : [sums.NotDueCount, sums.Days1To30Count, sums.Days31To60Count, sums.Days61To90Count, sums.Over90Count];
        var buckets = AgingBuckets.Names.Select((name, i) => new AgingBucket(name, amounts[i], counts[i])).ToList();
        return Outcome.Done(new AgingSummary(asOf, amounts.Sum(), buckets, sums?.Customers ?? 0));
    }

    /// <summary>
    /// The aging as its export writes it (<see cref="AgingTables"/>): every customer's row read from the database while the file is
    /// written, largest first as on the page, then the total row; 100,000 customers never sit in memory at once.
    /// </summary>
    public async Task<Outcome<ReportTable>> ExportAsync(DateOnly asOf, AgingFilter filter, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(asOf, cancellationToken) is { } refused)
            return Outcome.Refused<ReportTable>(refused);
        var zone = await clock.ZoneAsync(cancellationToken);
        // The writer cancels the reading through the enumeration (ReadRowsAsync), long after this call returns.
        return Outcome.Done(AgingTables.Streamed(asOf, RowsAsync(asOf, zone, filter, CancellationToken.None)));
    }

    /// <summary>What every form of the aging refuses: a reader without reports.read and billing.read, or a day out of range.</summary>
    private async Task<FieldErrors?> RefusalAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead) || !actor.Holds(Permissions.BillingRead))
            return new FieldErrors().Add("", Actor.NotPermitted);
        return StatementRange.CheckDate(asOf) is { Any: true } problems ? problems : null;
    }

    // The page's order (total, then code): the code in the database's collation, C.UTF-8 in the portal's own cluster, as ordinal.
    private async IAsyncEnumerable<AgingRow> RowsAsync(DateOnly asOf, TimeZoneInfo zone, AgingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var owing = OpenInvoices.PerCustomer(db, asOf, zone, filter)
            .Where(c => c.Total != 0)
            .OrderByDescending(c => c.Total)
            .ThenBy(c => c.Code);
        await foreach (var customer in owing.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Row(asOf, customer);
    }

    private static AgingRow Row(DateOnly asOf, OwingCustomer c) =>
        new(c.CustomerId, c.Code, c.Name, c.Location, c.Router, c.Package, c.Status, c.Amounts, c.Total, Math.Max(0, asOf.DayNumber - c.OldestDue.DayNumber));

    /// <summary>The total owed at the end of the day, as <see cref="AsOfAsync"/> sums it, without the rows.</summary>
    internal static async Task<decimal> TotalAsync(IIspDb db, DateOnly asOf, TimeZoneInfo zone, AgingFilter filter, CancellationToken cancellationToken) =>
        await OpenInvoices.Owed(db, asOf, zone, filter).SumAsync(x => x.Due, cancellationToken);

    internal static AgingView Build(DateOnly asOf, IReadOnlyList<OwingCustomer> owing)
    {
        var bucketCount = AgingBuckets.Names.Count;
        var rows = owing
            .Select(c => (Row: Row(asOf, c), c.LocationId, c.RouterId, c.PackageId))
            .Where(r => r.Row.Total != 0)
            .OrderByDescending(r => r.Row.Total).ThenBy(r => r.Row.Code, StringComparer.Ordinal)
            .ToList();

        var buckets = AgingBuckets.Names
            .Select((name, index) => new AgingBucket(name, rows.Sum(r => r.Row.Amounts[index]), rows.Count(r => r.Row.Amounts[index] != 0)))
            .ToList();

        List<AgingGroup> Groups(Func<(AgingRow Row, int LocationId, int? RouterId, int PackageId), (int? Id, string Name)> key) => [.. rows
            .GroupBy(key)
            .Select(g => new AgingGroup(g.Key.Id, g.Key.Name,
                [.. Enumerable.Range(0, bucketCount).Select(b => g.Sum(r => r.Row.Amounts[b]))], g.Sum(r => r.Row.Total), g.Count()))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Name, StringComparer.Ordinal)];

        var plain = rows.Select(r => r.Row).ToList();
        return new AgingView(asOf, plain.Sum(r => r.Total), buckets, plain,
            Groups(r => (r.LocationId, r.Row.Location)),
            Groups(r => (r.RouterId, r.Row.Router ?? "Tanpa router")),
            Groups(r => (r.PackageId, r.Row.Package)),
            [.. plain.Take(TopDebtorCount)]);
    }
}
