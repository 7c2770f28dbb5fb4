using System.Globalization;
using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Finance.Expenses;

/// <summary>The entries an expense posts, both keyed by its id.</summary>
public static class ExpensePosting
{
    /// <summary>Dr category (net), Dr PPN masukan (VAT), Cr the cash or bank it was paid from, or Utang usaha when owed.</summary>
    public static JournalDraft Entry(Expense expense, CategoryView category, AccountMap map, Guid? postedById) =>
        new JournalDraftBuilder(expense.ExpenseDate, JournalSource.Expense, Key(expense), expense.Number, Memo(expense, category), postedById)
            .Debit(category.AccountId, expense.Amount)
            .Debit(map[AccountRoles.VatInput], expense.Vat)
            .Credit(expense.OnCredit ? map[AccountRoles.Payable] : expense.PaymentAccountId!.Value, expense.Total)
            .Build();

    /// <summary>An owed expense paid: Dr Utang usaha, Cr the cash or bank, on the day it was paid.</summary>
    public static JournalDraft Payment(Expense expense, AccountMap map, Guid? postedById) =>
        new JournalDraftBuilder(expense.PaidOn!.Value, JournalSource.ExpensePayment, Key(expense), expense.Number,
                Truncate($"Pembayaran utang {expense.Number}" + (expense.Vendor is null ? "" : $" kepada {expense.Vendor}")), postedById)
            .Debit(map[AccountRoles.Payable], expense.Total)
            .Credit(expense.PaymentAccountId!.Value, expense.Total)
            .Build();

    private static string Key(Expense expense) => expense.Id.ToString(CultureInfo.InvariantCulture);

    private static string Memo(Expense expense, CategoryView category) =>
        Truncate($"{category.Name}: {expense.Description}" + (expense.Vendor is null ? "" : $" ({expense.Vendor})"));

    private static string Truncate(string memo) => memo.Length > JournalEntry.MemoMaxLength ? memo[..JournalEntry.MemoMaxLength] : memo;
}
