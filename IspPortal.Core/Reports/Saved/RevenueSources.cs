using IspPortal.Core.Common;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Core.Reports.Statements;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// What the two revenue reports share, as <c>/api/reports/mrr</c> and <c>/churn</c> take them: months <c>from</c>..<c>to</c> (<c>YYYY-MM</c>;
/// either may be left out: to this month, from eleven months before), filters <c>location</c>, <c>router</c>, <c>package</c>.
/// A relative period covers its months: "Bulan lalu" is that month, "Tahun berjalan" January to this month.
/// </summary>
public abstract class RevenueSource(IspClock clock) : ReportSource(clock)
{
    public override IReadOnlyList<string> Permissions { get; } = [Identity.Permissions.ReportsRead, Identity.Permissions.BillingRead];

    public override string Page => "/reports/customers";

    protected override bool IsRange => true;

    protected override IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["location"] = IdCheck,
        ["router"] = IdCheck,
        ["package"] = IdCheck,
    };

    protected static string? IdCheck(string value) => FilterValues.Id(value) is null ? FilterValues.BadId : null;

    protected override string? CheckDay(string text) => FilterValues.Month(text) is null ? FilterValues.BadMonth : null;

    protected override FieldErrors CheckFixed(ReportParameters normal) =>
        (FilterValues.Month(normal["from"]), FilterValues.Month(normal["to"])) switch
        {
            (null, null) => new FieldErrors(),
            var (from, to) => new MonthRange(from ?? to!.Value, to ?? from!.Value).Check(),
        };

    protected override ReportParameters WithRange(ReportParameters fixedDays, DayRange range) =>
        fixedDays.With("from", MonthText(range.From)).With("to", MonthText(range.To));

    protected override ReportParameters ResolveFixed(ReportParameters normal, DateOnly today)
    {
        var months = MonthRange.Within(FilterValues.Month(normal["from"]), FilterValues.Month(normal["to"]), today);
        return normal.With("from", MonthText(months.From)).With("to", MonthText(months.To));
    }

    /// <summary>The months and the customers' filter of checked, resolved filters.</summary>
    protected static (MonthRange Range, RevenueFilter Filter) Read(ReportParameters resolved) =>
        (new MonthRange(FilterValues.Month(resolved["from"])!.Value, FilterValues.Month(resolved["to"])!.Value),
            new RevenueFilter(FilterValues.Id(resolved["location"]), FilterValues.Id(resolved["router"]), FilterValues.Id(resolved["package"])));

    private static string MonthText(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>MRR per month with its movement and ARPU (<c>/api/reports/mrr</c>).</summary>
public sealed class MrrSource(MrrMovement mrr, IspClock clock) : RevenueSource(clock)
{
    public override string Key => "mrr";

    public override string Title => "MRR dan ARPU";

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken)
    {
        var (range, filter) = Read(resolved);
        return (await mrr.ForAsync(range, filter, cancellationToken)).Map(RevenueTables.Mrr);
    }
}

/// <summary>Customers and churn per month (<c>/api/reports/churn</c>); with <c>table=cohorts</c> the cohort retention.</summary>
public sealed class ChurnSource(CustomerChurn churn, IspClock clock) : RevenueSource(clock)
{
    public const string Cohorts = "cohorts";
    public const string UnknownTable = "Tabel tidak dikenal; gunakan table=cohorts atau kosongkan.";

    public override string Key => "churn";

    public override string Title => "Pelanggan dan churn";

    protected override IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["location"] = IdCheck,
        ["router"] = IdCheck,
        ["package"] = IdCheck,
        ["table"] = v => v == Cohorts ? null : UnknownTable,
    };

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken)
    {
        var (range, filter) = Read(resolved);
        var cohorts = resolved["table"] == Cohorts;
        return (await churn.ForAsync(range, filter, cancellationToken)).Map(view => cohorts ? RevenueTables.Cohorts(view) : RevenueTables.Churn(view));
    }
}
