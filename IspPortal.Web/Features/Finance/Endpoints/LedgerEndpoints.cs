using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Finance.Endpoints;

/// <summary><c>/api/finance/accounts</c>, <c>/trial-balance</c> and <c>/journal</c>: the books as an accountant's tools read them.</summary>
public static class LedgerEndpoints
{
    public const string DateFormat = "yyyy-MM-dd";

    public static RouteGroupBuilder MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var finance = api.MapGroup("/finance").WithTags("Finance").RequireAuthorization(Permissions.FinanceRead);

        finance.MapGet("/accounts", async (ChartOfAccounts chart, CancellationToken cancellationToken) =>
                await chart.ListAsync(cancellationToken) is { Value: { } accounts }
                    ? Results.Ok(accounts.Select(AccountDto.From).ToList())
                    : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Actor.NotPermitted))
            .Produces<List<AccountDto>>()
            .WithSummary("The chart of accounts by code: type (Asset, Liability, Equity, Revenue, Expense), kind (General, Cash, Bank, Clearing), active");

        finance.MapGet("/trial-balance", async (string? date, TrialBalance trialBalance, IspClock clock, CancellationToken cancellationToken) =>
            {
                if (!TryDay(date, "date", out var day, out var problem))
                    return problem;
                var outcome = await trialBalance.AtAsync(day ?? await clock.TodayAsync(cancellationToken), cancellationToken);
                return outcome.Value is { } view ? Results.Ok(TrialBalanceDto.From(view)) : outcome.ToValidationProblem();
            })
            .Produces<TrialBalanceDto>()
            .ProducesValidationProblem()
            .WithSummary("Every account's balance at the end of the day (YYYY-MM-DD, today in the ISP's time zone by default), net in the debit or the credit column; the two totals are equal");

        finance.MapGet("/journal", async (string? from, string? to, string? account, string? search, string? source, int? page, JournalSearch journal, CancellationToken cancellationToken) =>
            {
                if (!TryDay(from, "from", out var start, out var problem) || !TryDay(to, "to", out var end, out problem))
                    return problem;
                JournalSource? kind = null;
                if (!string.IsNullOrWhiteSpace(source))
                {
                    if (!Enum.TryParse<JournalSource>(source, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                        return Refused("source", $"Sumber tidak dikenal; pilih salah satu: {string.Join(", ", Enum.GetNames<JournalSource>())}.");
                    kind = parsed;
                }
                if (page is < 0)
                    return Refused("page", "Halaman dimulai dari 0.");
                var outcome = await journal.PageAsync(new JournalFilter(start, end, account, search, kind), page ?? 0, cancellationToken);
                return outcome.Value is { } result ? Results.Ok(JournalPageDto.From(result)) : outcome.ToValidationProblem();
            })
            .Produces<JournalPageDto>()
            .ProducesValidationProblem()
            .WithSummary("Journal entries newest first, 50 a page (page from 0), each with its lines: from/to are days (YYYY-MM-DD), account an account code (1-1100), "
                + "search part of the document number or memo, source a kind of document (Invoice, Payment, Expense...)");
        return api;
    }

    private static bool TryDay(string? text, string field, out DateOnly? day, out IResult problem)
    {
        day = null;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        problem = Refused(field, "Tanggal tidak valid; gunakan format YYYY-MM-DD, misalnya 2026-11-30.");
        return false;
    }

    private static IResult Refused(string field, string message) => Outcome.Refused<int>(field, message).ToValidationProblem();
}

public sealed record AccountDto(string Code, string Name, string Type, string Kind, bool Active)
{
    public static AccountDto From(AccountView a) => new(a.Code, a.Name, a.Type.ToString(), a.Kind.ToString(), a.IsActive);
}

public sealed record TrialBalanceDto(string Date, decimal Debit, decimal Credit, IReadOnlyList<TrialBalanceDto.Row> Accounts)
{
    public sealed record Row(string Code, string Name, decimal Debit, decimal Credit);

    public static TrialBalanceDto From(TrialBalanceView v) =>
        new(v.Date.ToString(LedgerEndpoints.DateFormat, CultureInfo.InvariantCulture), v.Debit, v.Credit, [.. v.Accounts.Select(a => new Row(a.Code, a.Name, a.Debit, a.Credit))]);
}

public sealed record JournalPageDto(IReadOnlyList<JournalPageDto.Entry> Items, int Page, int PageSize, bool HasMore)
{
    public sealed record Entry(long Id, string Number, string Date, string Source, string SourceKey, string? SourceNumber, string Memo, string? Link, IReadOnlyList<Line> Lines);

    public sealed record Line(string Account, string AccountName, decimal Debit, decimal Credit, string? Customer, string? Memo);

    public static JournalPageDto From(JournalPage p) =>
        new([.. p.Items.Select(e => new Entry(e.Id, e.Number, e.Date.ToString(LedgerEndpoints.DateFormat, CultureInfo.InvariantCulture), e.Source.ToString(), e.SourceKey,
                e.SourceNumber, e.Memo, e.Link, [.. e.Lines.Select(l => new Line(l.AccountCode, l.AccountName, l.Debit, l.Credit, l.CustomerCode, l.Memo))]))],
            p.Page, p.PageSize, p.HasMore);
}
