namespace IspPortal.Core.Reports.Dashboard;

/// <param name="Month">The first day of the month.</param>
/// <param name="Value">The month's figure; null when there is nothing to measure (a rate with nothing billed).</param>
public sealed record TrendPoint(DateOnly Month, decimal? Value);

/// <summary>One figure over the trend's months, oldest first; the last point is this month.</summary>
public sealed record TrendSeries(string Key, IReadOnlyList<TrendPoint> Points)
{
    public decimal? ThisMonth => Points.Count > 0 ? Points[^1].Value : null;

    public decimal? LastMonth => Points.Count > 1 ? Points[^2].Value : null;

    /// <summary>This month against last month in percent, rounded to 0.1; null when either is missing or last month was 0.</summary>
    public decimal? ChangePercent => ThisMonth is { } now && LastMonth is { } before && before != 0
        ? Math.Round((now - before) / Math.Abs(before) * 100m, 1, MidpointRounding.AwayFromZero)
        : null;
}

/// <summary>The months a trend covers: twelve, ending with the month of <paramref name="Today"/> (ISP time zone).</summary>
public sealed record TrendMonths(DateOnly Today, TimeZoneInfo Zone, DateTimeOffset Now)
{
    public const int Count = 12;

    public DateOnly First => new DateOnly(Today.Year, Today.Month, 1).AddMonths(1 - Count);

    /// <summary>The first day of each month, oldest first.</summary>
    public IReadOnlyList<DateOnly> Months => [.. Enumerable.Range(0, Count).Select(First.AddMonths)];

    /// <summary>The month's last day, or today for this month: the day a month-end figure is read at.</summary>
    public DateOnly EndOf(DateOnly month)
    {
        var last = month.AddMonths(1).AddDays(-1);
        return last < Today ? last : Today;
    }
}

/// <summary>The keys of the trends the dashboard knows; a card is chosen by its series' key.</summary>
public static class TrendKeys
{
    public const string CollectionRate = "collection-rate";
    public const string ArrearsOver30 = "arrears-over-30";
    public const string TicketsOpened = "tickets-opened";
    public const string TicketsResolved = "tickets-resolved";
    public const string SlaMet = "sla-met";
    public const string Mrr = "mrr";
    public const string ActiveCustomers = "active-customers";
    public const string ChurnRate = "churn-rate";
    public const string Uptime = "uptime";
}

/// <summary>
/// One source of trend series for <see cref="ManagerTrends"/>: adding a trend is one more source
/// (registered in ReportsModule) and one card on the dashboard.
/// </summary>
public interface ITrendSource
{
    /// <summary>Permissions the actor needs beyond reports.read (the permission of the figures' source).</summary>
    IReadOnlyList<string> Needs { get; }

    Task<IReadOnlyList<TrendSeries>> LoadAsync(TrendMonths months, CancellationToken cancellationToken);
}
