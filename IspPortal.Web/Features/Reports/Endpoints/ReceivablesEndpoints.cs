using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Receivables;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary>
/// <c>/api/reports/aging</c> and <c>/api/reports/collection</c>: receivables by age and how fast they are paid,
/// for an API key (or a session) holding reports.read and billing.read.
/// </summary>
public static class ReceivablesEndpoints
{
    /// <summary>The aging as the API answers it: <c>asOf</c>, <c>total</c>, <c>buckets</c> first, then the detail.</summary>
    public sealed record AgingAnswer(
        DateOnly AsOf, decimal Total, IReadOnlyList<AgingBucket> Buckets,
        IReadOnlyList<AgingGroup> ByLocation, IReadOnlyList<AgingGroup> ByRouter, IReadOnlyList<AgingGroup> ByPackage,
        IReadOnlyList<AgingRow> TopDebtors, int RowCount, IReadOnlyList<AgingRow> Rows);

    public const int MaxRows = 500;

    public static RouteGroupBuilder MapReceivablesEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Permissions.ReportsRead, Permissions.BillingRead);

        reports.MapGet("/aging", (Func<HttpContext, Task<IResult>>)AgingAsync)
            .Produces<AgingAnswer>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description + " The file holds every customer owing at the date (not only `rows`), read while it is written.")
            .WithSummary("Umur piutang at the end of asOf (or to), YYYY-MM-DD, today in the ISP's time zone by default: the total and five buckets "
                + "(Belum jatuh tempo, 1–30, 31–60, 61–90, >90 days past due) with the count of customers in each, subtotals per location, router and package, "
                + "the ten largest debtors and the first `rows` customers (default 100, at most 500), largest first; filters locationId, routerId, packageId, "
                + "status (Active, Isolated, Suspended, Terminated, PendingProvisioning). Unfiltered, the total equals Piutang usaha in the ledger at that date");

        reports.MapGet("/collection", async (HttpRequest request, CollectionMetrics metrics, CancellationToken cancellationToken) =>
            {
                if (!ReportEndpoints.Required(request, "from", out var from, out var problem) || !ReportEndpoints.Required(request, "to", out var to, out problem))
                    return problem;
                if (!Filter(request, out var filter, out problem))
                    return problem;
                return ReportEndpoints.Answer(await metrics.ForAsync(from, to, filter, cancellationToken));
            })
            .Produces<CollectionView>()
            .ProducesValidationProblem()
            .WithSummary("Collection over from..to: billed and collected per month with the rate, DSO at `to`, and the average days from invoice to payment per payment method");
        return api;
    }

    /// <summary>The aging by its name in the address, for the download route (<see cref="ReportDownloads"/>).</summary>
    public static readonly IReadOnlyDictionary<string, Func<HttpContext, Task<IResult>>> Reports = new Dictionary<string, Func<HttpContext, Task<IResult>>>
    {
        ["aging"] = AgingAsync,
    };

    private static async Task<IResult> AgingAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (!ReportDownloads.Format(request, out var format, out var problem)
            || !ReportEndpoints.Optional(request, "asOf", out var asOf, out problem) || !ReportEndpoints.Optional(request, "to", out var to, out problem))
            return problem;
        if (asOf is { } a && to is { } b && a != b)
            return ReportEndpoints.Refused("asOf", "Isi salah satu saja: asOf atau to.");
        if (!Filter(request, out var filter, out problem) || !ReportEndpoints.Number(request, "rows", 0, MaxRows, out var rows, out problem))
            return problem;
        var aging = context.RequestServices.GetRequiredService<ReceivablesAging>();
        var day = asOf ?? to ?? await context.RequestServices.GetRequiredService<IspClock>().TodayAsync(cancellationToken);
        if (format is { } file)
        {
            var export = await aging.ExportAsync(day, filter, cancellationToken);
            return export.Value is { } table ? ReportDownloads.File(context, table, file) : ReportEndpoints.Answer(export);
        }
        var outcome = await aging.AsOfAsync(day, filter, cancellationToken);
        if (outcome.Value is not { } view)
            return ReportEndpoints.Answer(outcome);
        return Results.Ok(new AgingAnswer(view.AsOf, view.Total, view.Buckets, view.ByLocation, view.ByRouter, view.ByPackage,
            view.TopDebtors, view.Rows.Count, [.. view.Rows.Take(rows ?? 100)]));
    }

    private static bool Filter(HttpRequest request, out AgingFilter filter, out IResult problem)
    {
        filter = AgingFilter.None;
        if (!ReportEndpoints.Number(request, "locationId", 1, int.MaxValue, out var location, out problem)
            || !ReportEndpoints.Number(request, "routerId", 1, int.MaxValue, out var router, out problem)
            || !ReportEndpoints.Number(request, "packageId", 1, int.MaxValue, out var package, out problem))
            return false;
        CustomerStatus? status = null;
        var values = request.Query["status"];
        var text = values.Count == 1 ? values[0] : null;
        if (values.Count > 1 || (!string.IsNullOrWhiteSpace(text) && (status = StatusOf(text)) is null))
        {
            problem = ReportEndpoints.Refused("status", "Status pelanggan tidak dikenal.");
            return false;
        }
        filter = new AgingFilter(location, router, package, status);
        return true;
    }

    private static CustomerStatus? StatusOf(string text) =>
        text.Length <= 32 && text.All(char.IsAsciiLetter) && Enum.TryParse<CustomerStatus>(text, ignoreCase: true, out var status) ? status : null;
}
