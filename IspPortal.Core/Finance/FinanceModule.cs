using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Capital;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Investments;
using IspPortal.Core.Finance.Journals;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.OtherIncome;
using IspPortal.Core.Finance.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Finance;

public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<LedgerAccounts>();
        services.AddScoped<BillingLedger>();
        services.AddScoped<LedgerBackfill>();
        services.AddScoped<BudgetPlans>();
        services.AddScoped<BudgetAlerts>();

        // Period close, and the work each month must hold before it closes.
        services.AddScoped<IPeriodClosingStep, DepreciationBeforeClose>();
        services.AddScoped<YearEndEntries>();
        services.AddScoped<ClosePeriod>();
        services.AddScoped<ReopenPeriod>();
        services.AddScoped<LedgerPeriods>();

        services.AddScoped<ManualJournalPosting>();
        services.AddScoped<CreateManualJournal>();
        services.AddScoped<DecideManualJournal>();
        services.AddScoped<ManualJournalList>();
        services.AddScoped<FinanceCategories>();
        services.AddScoped<RecordExpense>();
        services.AddScoped<ReviewExpense>();
        services.AddScoped<ExpenseList>();
        services.AddScoped<ExpenseReceipts>();
        services.AddScoped<RecurringExpenses>();
        services.AddScoped<CreateRecurringExpenses>();
        services.AddScoped<RecordIncome>();
        services.AddScoped<IncomeList>();
        services.AddScoped<TrialBalance>();
        services.AddScoped<JournalSearch>();
        services.AddScoped<AccountLedger>();
        services.AddScoped<ChartOfAccounts>();
        services.AddScoped<AssetCategories>();
        services.AddScoped<AssetPostings>();
        services.AddScoped<RegisterAsset>();
        services.AddScoped<DepreciateAssets>();
        services.AddScoped<DisposeAsset>();
        services.AddScoped<AssetBook>();
        services.AddScoped<InjectCapital>();
        services.AddScoped<CapitalInjections>();
        services.AddScoped<InvestmentBook>();
        services.AddScoped<ManageInvestments>();
        return services;
    }
}
