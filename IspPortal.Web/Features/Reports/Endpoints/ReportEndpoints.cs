using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Saved;
using IspPortal.Core.Reports.Statements;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary>
/// <c>/api/reports/profit-loss</c>, <c>/balance-sheet</c> and <c>/cash-flow</c>: the financial statements as JSON
/// for an API key (or a session) holding reports.read and finance.read; with <c>format=csv|xlsx|pdf</c> the same statement as a file.
/// </summary>
public static class ReportEndpoints
{
    public const string DateFormat = "yyyy-MM-dd";
    private const string BadDate = "Tanggal tidak valid; gunakan format YYYY-MM-DD, misalnya 2026-11-30.";

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Permissions.ReportsRead, Permissions.FinanceRead);

        reports.MapGet("/profit-loss", (Func<HttpContext, Task<IResult>>)ProfitLossAsync)
            .Produces<ProfitAndLossView>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description)
            .WithSummary("Laba rugi for from..to (YYYY-MM-DD, at most 5 years): revenue and expense accounts by section with subtotals, gross and net profit; "
                + "each figure with the previous range of the same length, the same range last year and the budget (partial months pro rata by days); year-end closing entries left out; "
                + "location and router (ids) limit it to the journal lines tagged with them (no budget then)");

        reports.MapGet("/balance-sheet", (Func<HttpContext, Task<IResult>>)BalanceSheetAsync)
            .Produces<BalanceSheetView>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description)
            .WithSummary("Neraca at the end of the day to (or date), YYYY-MM-DD, today in the ISP's time zone by default: assets, liabilities and equity by account, "
                + "with this year's profit not yet closed as its own equity line; assets equal liabilities plus equity");

        reports.MapGet("/cash-flow", (Func<HttpContext, Task<IResult>>)CashFlowAsync)
            .Produces<CashFlowView>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description)
            .WithSummary("Arus kas for from..to (YYYY-MM-DD, at most 5 years), direct method over cash, bank and gateway clearing by the other side of each entry "
                + "(operating, investing, financing), with the indirect reconciliation from net profit; opening plus net change equals closing");
        return api;
    }

    /// <summary>The statements by their name in the address, for the download route (<see cref="ReportDownloads"/>).</summary>
    public static readonly IReadOnlyDictionary<string, Func<HttpContext, Task<IResult>>> Statements = new Dictionary<string, Func<HttpContext, Task<IResult>>>
    {
        ["profit-loss"] = ProfitLossAsync,
        ["balance-sheet"] = BalanceSheetAsync,
        ["cash-flow"] = CashFlowAsync,
        ["uptime"] = NetworkEndpoints.UptimeAsync,
        ["bandwidth"] = NetworkEndpoints.BandwidthAsync,
    };

    private static async Task<IResult> ProfitLossAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReportDownloads.Format(request, out var format, out var problem)
            || !Required(request, "from", out var from, out problem) || !Required(request, "to", out var to, out problem)
            || !Number(request, "location", 1, int.MaxValue, out var location, out problem) || !Number(request, "router", 1, int.MaxValue, out var router, out problem))
            return problem;
        var outcome = await context.RequestServices.GetRequiredService<ProfitAndLoss>().ForAsync(from, to, new LedgerSegment(location, router), context.RequestAborted);
        return Answer(context, outcome, format, StatementTables.ProfitAndLoss);
    }

    private static async Task<IResult> BalanceSheetAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReportDownloads.Format(request, out var format, out var problem)
            || !Optional(request, "to", out var to, out problem) || !Optional(request, "date", out var date, out problem))
            return problem;
        if (to is { } a && date is { } b && a != b)
            return Refused("date", "Isi salah satu saja: to atau date.");
        var services = context.RequestServices;
        var day = to ?? date ?? await services.GetRequiredService<IspClock>().TodayAsync(context.RequestAborted);
        var outcome = await services.GetRequiredService<BalanceSheet>().AtAsync(day, context.RequestAborted);
        return Answer(context, outcome, format, StatementTables.BalanceSheet);
    }

    private static async Task<IResult> CashFlowAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReportDownloads.Format(request, out var format, out var problem)
            || !Required(request, "from", out var from, out problem) || !Required(request, "to", out var to, out problem))
            return problem;
        var outcome = await context.RequestServices.GetRequiredService<CashFlow>().ForAsync(from, to, context.RequestAborted);
        return Answer(context, outcome, format, StatementTables.CashFlow);
    }

    /// <summary>The view as JSON, or with a <paramref name="format"/> as that file, streamed.</summary>
    private static IResult Answer<T>(HttpContext context, Outcome<T> outcome, ExportFormat? format, Func<T, ReportTable> table) =>
        outcome.Value is { } view && format is { } file ? ReportDownloads.File(context, table(view), file) : Answer(outcome);

    /// <summary>The view as JSON; 403 when the use case refused the caller, otherwise the refusal as a problem.</summary>
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

    /// <summary>
    /// An optional whole number in <paramref name="min"/>..<paramref name="max"/> (an id, a row count): absent or blank is null;
    /// repeated, signed, too long or out of range a 400 naming the field, with <paramref name="message"/> or the range.
    /// </summary>
    internal static bool Number(HttpRequest request, string field, int min, int max, out int? number, out IResult problem, string? message = null)
    {
        number = null;
        problem = Results.Empty;
        var values = request.Query[field];
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
            return true;
        if (values.Count == 1 && FilterValues.Number(values[0], min, max) is { } parsed)
        {
            number = parsed;
            return true;
        }
        problem = Refused(field, message ?? FilterValues.NumberProblem(min, max));
        return false;
    }

    internal static IResult Refused(string field, string message) => Outcome.Refused<int>(field, message).ToValidationProblem();
}
