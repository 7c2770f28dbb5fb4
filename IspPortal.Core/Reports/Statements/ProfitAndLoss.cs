using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Statements;

/// <summary>One figure of the P&amp;L and what it is compared with, on the account's normal side (earned for revenue, spent for expenses).</summary>
/// <param name="Previous">The range of the same length just before.</param>
/// <param name="LastYear">The same range a year earlier.</param>
/// <param name="Budget">The budget for the range: whole months in full, a partial month by its share of days.</param>
public sealed record PnlFigures(decimal Amount, decimal Previous, decimal LastYear, decimal Budget)
{
    public static readonly PnlFigures Zero = new(0, 0, 0, 0);

    public PnlFigures Plus(PnlFigures other) => new(Amount + other.Amount, Previous + other.Previous, LastYear + other.LastYear, Budget + other.Budget);

    public PnlFigures Minus(PnlFigures other) => new(Amount - other.Amount, Previous - other.Previous, LastYear - other.LastYear, Budget - other.Budget);

    public bool IsZero => Amount == 0 && Previous == 0 && LastYear == 0 && Budget == 0;
}

/// <param name="Code">The account code; <paramref name="Ledger"/> opens its ledger over the statement's range.</param>
public sealed record PnlLine(string Code, string Name, PnlFigures Figures, string Ledger);

/// <param name="Key"><c>operatingRevenue</c>, <c>operatingExpense</c>, <c>otherRevenue</c> or <c>otherExpense</c>.</param>
public sealed record PnlSection(string Key, string Title, IReadOnlyList<PnlLine> Lines, PnlFigures Total);

/// <param name="GrossProfit">Laba usaha: operating revenue (net of discounts and credit notes) less operating expenses.
/// The chart has no cost-of-sales group, so the ISP's gross profit is its operating profit.</param>
/// <param name="NetProfit">Laba bersih: gross profit plus other income less other expenses.</param>
/// <param name="Segment">The location and router the statement is limited to; <see cref="LedgerSegment.None"/> for the whole books.</param>
/// <param name="SegmentName">The segment's words for headers, null for the whole books.</param>
/// <param name="HasBudget">False for a segment: budgets are set per account for the whole ISP, so its budget column stays empty.</param>
public sealed record ProfitAndLossView(
    DateOnly From, DateOnly To, DayRange PreviousRange, DayRange LastYearRange,
    IReadOnlyList<PnlSection> Sections, PnlFigures GrossProfit, PnlFigures NetProfit,
    LedgerSegment Segment, string? SegmentName, bool HasBudget);

/// <summary>
/// Laba rugi for any range of days, with the range before, the same range last year and the budget
/// beside every account and total. Year-end closing entries are left out (<see cref="StatementBooks.OperationsAsync(IIspDb, DateOnly?, DateOnly, CancellationToken)"/>),
/// so a closed year still shows what it earned. Limited to a <see cref="LedgerSegment"/> (a location, a router) it sums only the lines
/// tagged with it: the revenue of its customers, the depreciation of its assets, the manual journals put there; costs on untagged lines
/// are shared and not divided.
/// </summary>
public sealed class ProfitAndLoss(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public async Task<Outcome<ProfitAndLossView>> ForAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await ForAsync(from, to, LedgerSegment.None, cancellationToken);

    public async Task<Outcome<ProfitAndLossView>> ForAsync(DateOnly from, DateOnly to, LedgerSegment segment, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead) || !actor.Holds(Permissions.FinanceRead))
            return Outcome.Refused<ProfitAndLossView>("", Actor.NotPermitted);
        if (StatementRange.Check(from, to) is { Any: true } problems)
            return Outcome.Refused<ProfitAndLossView>(problems);

        var range = new DayRange(from, to);
        var (previous, lastYear) = (range.Previous(), range.YearBefore());
        await using var db = await dbs.CreateAsync(cancellationToken);
        var accounts = (await StatementBooks.AccountsAsync(db, cancellationToken)).Values.Where(a => a.IsProfitAndLoss).ToList();
        var amount = await StatementBooks.OperationsAsync(db, from, to, segment, cancellationToken);
        var before = await StatementBooks.OperationsAsync(db, previous.From, previous.To, segment, cancellationToken);
        var yearAgo = await StatementBooks.OperationsAsync(db, lastYear.From, lastYear.To, segment, cancellationToken);
        var budgets = segment.Any ? new Dictionary<int, decimal>() : await BudgetsAsync(db, range, cancellationToken);

        PnlLine Line(LedgerAccount a) => new(a.Code, a.Name, new PnlFigures(
            StatementAccounts.Normal(a, amount.GetValueOrDefault(a.Id)), StatementAccounts.Normal(a, before.GetValueOrDefault(a.Id)),
            StatementAccounts.Normal(a, yearAgo.GetValueOrDefault(a.Id)), budgets.GetValueOrDefault(a.Id)), StatementRange.Ledger(a.Code, from, to, segment));

        PnlSection Section(string key, string title, AccountType type, bool other)
        {
            var lines = accounts.Where(a => a.Type == type && StatementAccounts.IsOther(a.Code) == other)
                .OrderBy(a => a.Code, StringComparer.Ordinal).Select(Line).Where(l => !l.Figures.IsZero).ToList();
            return new PnlSection(key, title, lines, lines.Aggregate(PnlFigures.Zero, (sum, l) => sum.Plus(l.Figures)));
        }

        var sections = new[]
        {
            Section("operatingRevenue", "Pendapatan usaha", AccountType.Revenue, other: false),
            Section("operatingExpense", "Beban usaha", AccountType.Expense, other: false),
            Section("otherRevenue", "Pendapatan lain-lain", AccountType.Revenue, other: true),
            Section("otherExpense", "Beban lain-lain", AccountType.Expense, other: true),
        };
        var gross = sections[0].Total.Minus(sections[1].Total);
        var net = gross.Plus(sections[2].Total).Minus(sections[3].Total);
        return Outcome.Done(new ProfitAndLossView(from, to, previous, lastYear, sections, gross, net,
            segment, await segment.DescribeAsync(db, cancellationToken), HasBudget: !segment.Any));
    }

    /// <summary>
    /// Budgets are per account and month: a month wholly inside the range counts in full, a month the range
    /// only partly covers counts by its share of days (10 of 30 days → a third), rounded to the rupiah, so
    /// "this month so far" compares with the part of the month's budget that should be used by now.
    /// </summary>
    private static async Task<Dictionary<int, decimal>> BudgetsAsync(IIspDb db, DayRange range, CancellationToken cancellationToken)
    {
        var firstMonth = new DateOnly(range.From.Year, range.From.Month, 1);
        var rows = await db.Budgets.AsNoTracking()
            .Where(b => b.Month >= firstMonth && b.Month <= range.To)
            .Select(b => new { b.AccountId, b.Month, b.Amount })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(b => b.AccountId).ToDictionary(g => g.Key, g => g.Sum(b => Share(b.Amount, b.Month, range)));
    }

    internal static decimal Share(decimal amount, DateOnly month, DayRange range)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var first = month > range.From ? month : range.From;
        var last = end < range.To ? end : range.To;
        var covered = last.DayNumber - first.DayNumber + 1;
        var days = end.Day;
        return covered >= days ? amount : Math.Round(amount * covered / days, 0, MidpointRounding.AwayFromZero);
    }
}
