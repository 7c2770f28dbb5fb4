using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets.Analytics;

namespace IspPortal.Core.Reports.Dashboard;

/// <summary>Tickets opened and resolved per month and the resolution SLA met, as the ticket analytics counts them.</summary>
public sealed class TicketTrends(IIspDbFactory dbs) : ITrendSource
{
    public IReadOnlyList<string> Needs { get; } = [Permissions.TicketsRead];

    public async Task<IReadOnlyList<TrendSeries>> LoadAsync(TrendMonths months, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var rows = await TicketMonths.ForAsync(db, months.Months, months.Zone, months.Now, cancellationToken);
        return
        [
            new TrendSeries(TrendKeys.TicketsOpened, [.. rows.Select(r => new TrendPoint(r.Month, r.Opened))]),
            new TrendSeries(TrendKeys.TicketsResolved, [.. rows.Select(r => new TrendPoint(r.Month, r.Resolved))]),
            new TrendSeries(TrendKeys.SlaMet, [.. rows.Select(r => new TrendPoint(r.Month, r.SlaPercent is { } p ? (decimal)p : null))]),
        ];
    }
}
