using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Core.Reports.Saved;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary>
/// <c>/api/reports/mrr</c> and <c>/api/reports/churn</c>: MRR and its movement, ARPU and the package mix; customers, churn and
/// cohorts — for an API key (or a session) holding reports.read and billing.read; with <c>format=csv|xlsx|pdf</c> the same as a file.
/// Months are <c>YYYY-MM</c> (or a day of them, <c>YYYY-MM-DD</c>).
/// </summary>
public static class RevenueEndpoints
{
    public sealed record MrrMonthAnswer(
        string Month, decimal Mrr, decimal Opening, decimal New, decimal Expansion, decimal Contraction, decimal Churned, decimal Reactivated,
        int ActiveCustomers, decimal Arpu);

    public sealed record MrrAnswer(string From, string To, IReadOnlyList<MrrMonthAnswer> Months, string MixMonth,
        IReadOnlyList<MixLine> Packages, IReadOnlyList<MixLine> Locations, IReadOnlyList<MixLine> Routers);

    public sealed record ChurnMonthAnswer(
        string Month, int ActiveStart, int NewCustomers, int ReactivatedCustomers, int ChurnedCustomers, decimal? ChurnRate, int NetGrowth,
        int ActiveEnd, int Registered, int Terminated);

    public sealed record CohortAnswer(string Cohort, int Size, IReadOnlyList<decimal?> Retention);

    public sealed record ChurnAnswer(string From, string To, IReadOnlyList<ChurnMonthAnswer> Months, IReadOnlyList<CohortAnswer> Cohorts);

    private const string Filters = " Filters: location, router, package (ids; the customer's today). from/to default to the twelve months ending this month; at most 36 months.";

    public static RouteGroupBuilder MapRevenueEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Permissions.ReportsRead, Permissions.BillingRead);

        reports.MapGet("/mrr", (Func<HttpContext, Task<IResult>>)MrrAsync)
            .Produces<MrrAnswer>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description)
            .WithSummary("MRR per month from..to (YYYY-MM): opening, new, expansion, contraction, churned, reactivated, closing MRR, active customers and ARPU; "
                + "the package, location and router mix of the last month. A customer's MRR for a month is their non-void invoices' Subscription lines "
                + "(per month) less Discount lines for that period; proration, installation and one-off lines are not MRR." + Filters);

        reports.MapGet("/churn", (Func<HttpContext, Task<IResult>>)ChurnAsync)
            .Produces<ChurnAnswer>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description + " With table=cohorts the file holds the cohort retention.")
            .WithSummary("Customers per month from..to (YYYY-MM): active at start, new, reactivated and churned (by MRR), churn rate (churned ÷ active at start, 0.05 = 5 %), "
                + "net growth, registered and terminated (lifecycle); cohort retention by registration month for months 0–11." + Filters);
        return api;
    }

    /// <summary>The reports by their name in the download address (<see cref="ReportDownloads"/>).</summary>
    public static readonly IReadOnlyDictionary<string, Func<HttpContext, Task<IResult>>> Reports = new Dictionary<string, Func<HttpContext, Task<IResult>>>
    {
        ["mrr"] = MrrAsync,
        ["churn"] = ChurnAsync,
    };

    private static async Task<IResult> MrrAsync(HttpContext context)
    {
        var (query, problem) = await ReadAsync(context);
        if (query is null)
            return problem;
        var outcome = await context.RequestServices.GetRequiredService<MrrMovement>().ForAsync(query.Range, query.Filter, context.RequestAborted);
        if (outcome.Value is not { } view)
            return ReportEndpoints.Answer(outcome);
        if (query.Format is { } format)
            return ReportDownloads.File(context, RevenueTables.Mrr(view), format);
        return Results.Ok(new MrrAnswer(Month(view.From), Month(view.To),
            [.. view.Months.Select(m => new MrrMonthAnswer(Month(m.Month), m.Mrr, m.Opening, m.New, m.Expansion, m.Contraction, m.Churned, m.Reactivated, m.ActiveCustomers, m.Arpu))],
            Month(view.MixMonth), view.Packages, view.Locations, view.Routers));
    }

    private static async Task<IResult> ChurnAsync(HttpContext context)
    {
        var (query, problem) = await ReadAsync(context);
        if (query is null)
            return problem;
        var table = context.Request.Query["table"];
        var cohorts = table.Count == 1 && table[0] == ChurnSource.Cohorts;
        if (table.Count > 1 || (table.Count == 1 && !cohorts && !string.IsNullOrEmpty(table[0])))
            return ReportEndpoints.Refused("table", ChurnSource.UnknownTable);
        var outcome = await context.RequestServices.GetRequiredService<CustomerChurn>().ForAsync(query.Range, query.Filter, context.RequestAborted);
        if (outcome.Value is not { } view)
            return ReportEndpoints.Answer(outcome);
        if (query.Format is { } format)
            return ReportDownloads.File(context, cohorts ? RevenueTables.Cohorts(view) : RevenueTables.Churn(view), format);
        return Results.Ok(new ChurnAnswer(Month(view.From), Month(view.To),
            [.. view.Months.Select(m => new ChurnMonthAnswer(Month(m.Month), m.ActiveStart, m.NewCustomers, m.ReactivatedCustomers, m.ChurnedCustomers,
                m.ChurnRate, m.NetGrowth, m.ActiveEnd, m.Registered, m.Terminated))],
            [.. view.Cohorts.Select(c => new CohortAnswer(Month(c.Cohort), c.Size, c.Retention))]));
    }

    private sealed record Query(MonthRange Range, RevenueFilter Filter, ExportFormat? Format);

    /// <summary>The months, filters and format; null with the problem to answer.</summary>
    private static async Task<(Query? Query, IResult Problem)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReportDownloads.Format(request, out var format, out var problem)
            || !MonthOf(request, "from", out var from, out problem) || !MonthOf(request, "to", out var to, out problem)
            || !Id(request, "location", out var location, out problem) || !Id(request, "router", out var router, out problem)
            || !Id(request, "package", out var package, out problem))
            return (null, problem);
        var today = await context.RequestServices.GetRequiredService<IspClock>().TodayAsync(context.RequestAborted);
        return (new Query(MonthRange.Within(from, to, today), new RevenueFilter(location, router, package), format), Results.Empty);
    }

    /// <summary>A month as <c>YYYY-MM</c> or a day of it; absent is null; repeated or anything else a 400.</summary>
    internal static bool MonthOf(HttpRequest request, string field, out DateOnly? month, out IResult problem)
    {
        month = null;
        problem = Results.Empty;
        var values = request.Query[field];
        var text = values.Count == 1 ? values[0] : null;
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(text)))
            return true;
        if (values.Count == 1 && FilterValues.Month(text) is { } first)
        {
            month = first;
            return true;
        }
        problem = ReportEndpoints.Refused(field, FilterValues.BadMonth);
        return false;
    }

    private static bool Id(HttpRequest request, string field, out int? id, out IResult problem) =>
        ReportEndpoints.Number(request, field, 1, int.MaxValue, out id, out problem, FilterValues.BadId);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
