using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Statements;

namespace IspPortal.Core.Reports.Saved;

/// <summary>Laba rugi over <c>from</c>..<c>to</c>, of a <c>location</c> and/or <c>router</c> when given, as its page and <c>/api/reports/profit-loss</c> take it.</summary>
public sealed class ProfitLossSource(ProfitAndLoss statement, IspClock clock) : ReportSource(clock)
{
    public override string Key => "profit-loss";

    public override string Title => "Laba rugi";

    public override IReadOnlyList<string> Permissions { get; } = [Identity.Permissions.ReportsRead, Identity.Permissions.FinanceRead];

    public override string Page => "/reports/profit-loss";

    protected override bool IsRange => true;

    protected override IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["location"] = FilterValues.IdProblem,
        ["router"] = FilterValues.IdProblem,
    };

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken) =>
        (await statement.ForAsync(DayOf(resolved, "from"), DayOf(resolved, "to"), new LedgerSegment(FilterValues.Id(resolved["location"]), FilterValues.Id(resolved["router"])),
            cancellationToken)).Map(StatementTables.ProfitAndLoss);
}

/// <summary>Neraca at the end of <c>to</c> (today when absent).</summary>
public sealed class BalanceSheetSource(BalanceSheet statement, IspClock clock) : ReportSource(clock)
{
    public override string Key => "balance-sheet";

    public override string Title => "Neraca";

    public override IReadOnlyList<string> Permissions { get; } = [Identity.Permissions.ReportsRead, Identity.Permissions.FinanceRead];

    public override string Page => "/reports/balance-sheet";

    protected override bool IsRange => false;

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken) =>
        (await statement.AtAsync(DayOf(resolved, "to"), cancellationToken)).Map(StatementTables.BalanceSheet);
}

/// <summary>Arus kas over <c>from</c>..<c>to</c>.</summary>
public sealed class CashFlowSource(CashFlow statement, IspClock clock) : ReportSource(clock)
{
    public override string Key => "cash-flow";

    public override string Title => "Arus kas";

    public override IReadOnlyList<string> Permissions { get; } = [Identity.Permissions.ReportsRead, Identity.Permissions.FinanceRead];

    public override string Page => "/reports/cash-flow";

    protected override bool IsRange => true;

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken) =>
        (await statement.ForAsync(DayOf(resolved, "from"), DayOf(resolved, "to"), cancellationToken)).Map(StatementTables.CashFlow);
}
