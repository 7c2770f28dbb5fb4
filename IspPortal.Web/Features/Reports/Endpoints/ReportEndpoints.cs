using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Statements;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary>
/// <c>/api/reports/profit-loss</c>, <c>/balance-sheet</c> and <c>/cash-flow</c>: the financial statements as JSON
/// for an API key (or a session) holding reports.read and finance.read.
/// </summary>
public static class ReportEndpoints
{
    public const string DateFormat = "yyyy-MM-dd";
    private const string BadDate = "Tanggal tidak valid; gunakan format YYYY-MM-DD, misalnya 2026-11-30.";

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Permissions.ReportsRead, Permissions.FinanceRead);

        reports.MapGet("/profit-loss", async (HttpRequest request, ProfitAndLoss statement, CancellationToken cancellationToken) =>
            {
                if (!Required(request, "from", out var from, out var problem) || !Required(request, "to", out var to, out problem))
                    return problem;
                return Answer(await statement.ForAsync(from, to, cancellationToken));
            })
            .Produces<ProfitAndLossView>()
            .ProducesValidationProblem()
            .WithSummary("Laba rugi for from..to (YYYY-MM-DD, at most 5 years): revenue and expense accounts by section with subtotals, gross and net profit; "
                + "each figure with the previous range of the same length, the same range last year and the budget (partial months pro rata by days); year-end closing entries left out");

        reports.MapGet("/balance-sheet", async (HttpRequest request, BalanceSheet statement, IspClock clock, CancellationToken cancellationToken) =>
            {
                if (!Optional(request, "to", out var to, out var problem) || !Optional(request, "date", out var date, out problem))
                    return problem;
                if (to is { } a && date is { } b && a != b)
                    return Refused("date", "Isi salah satu saja: to atau date.");
                return Answer(await statement.AtAsync(to ?? date ?? await clock.TodayAsync(cancellationToken), cancellationToken));
            })
            .Produces<BalanceSheetView>()
            .ProducesValidationProblem()
            .WithSummary("Neraca at the end of the day to (or date), YYYY-MM-DD, today in the ISP's time zone by default: assets, liabilities and equity by account, "
                + "with this year's profit not yet closed as its own equity line; assets equal liabilities plus equity");

        reports.MapGet("/cash-flow", async (HttpRequest request, CashFlow statement, CancellationToken cancellationToken) =>
            {
                if (!Required(request, "from", out var from, out var problem) || !Required(request, "to", out var to, out problem))
                    return problem;
                return Answer(await statement.ForAsync(from, to, cancellationToken));
            })
            .Produces<CashFlowView>()
            .ProducesValidationProblem()
            .WithSummary("Arus kas for from..to (YYYY-MM-DD, at most 5 years), direct method over cash, bank and gateway clearing by the other side of each entry "
                + "(operating, investing, financing), with the indirect reconciliation from net profit; opening plus net change equals closing");
        return api;
    }

    internal static IResult Answer<T>(Outcome<T> outcome) => outcome switch
    {
        { Value: { } view } => Results.Ok(view),
        _ when outcome.FirstError == Actor.NotPermitted => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Actor.NotPermitted),
        _ => outcome.ToValidationProblem(),
    };

    internal static bool Required(HttpRequest request, string field, out DateOnly day, out IResult problem)
    {
        day = default;
        if (!Optional(request, field, out var given, out problem))
            return false;
        if (given is not { } value)
        {
            problem = Refused(field, "Tanggal wajib diisi (YYYY-MM-DD).");
            return false;
        }
        day = value;
        return true;
    }

    /// <summary>Reads the query value itself: a repeated parameter is refused rather than one of its values guessed.</summary>
    internal static bool Optional(HttpRequest request, string field, out DateOnly? day, out IResult problem)
    {
        day = null;
        problem = Results.Empty;
        var values = request.Query[field];
        if (values.Count > 1)
        {
            problem = Refused(field, "Tanggal diisi sekali saja.");
            return false;
        }
        var text = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (text.Length <= DateFormat.Length + 2
            && DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        problem = Refused(field, BadDate);
        return false;
    }

    internal static IResult Refused(string field, string message) => Outcome.Refused<int>(field, message).ToValidationProblem();
}
