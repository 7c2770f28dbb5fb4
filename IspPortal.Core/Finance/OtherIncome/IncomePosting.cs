using System.Globalization;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Finance.OtherIncome;

/// <summary>The entry other income posts, keyed by its id.</summary>
public static class IncomePosting
{
    /// <summary>Dr the cash or bank account it was received in, Cr the category's revenue account.</summary>
    public static JournalDraft Entry(Income income, CategoryView category, Guid? postedById)
    {
        var memo = $"{category.Name}: {income.Description} ({income.Source})";
        return new JournalDraftBuilder(income.IncomeDate, JournalSource.Income, income.Id.ToString(CultureInfo.InvariantCulture), income.Number,
                memo.Length > JournalEntry.MemoMaxLength ? memo[..JournalEntry.MemoMaxLength] : memo, postedById)
            .Debit(income.AccountId, income.Amount)
            .Credit(category.AccountId, income.Amount)
            .Build();
    }
}
