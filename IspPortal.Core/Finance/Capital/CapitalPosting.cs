using System.Globalization;
using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Finance.Capital;

/// <summary>The entry a capital injection posts, keyed by its id.</summary>
public static class CapitalPosting
{
    /// <summary>Dr the cash or bank account it was paid into, Cr Modal.</summary>
    public static JournalDraft Entry(CapitalInjection injection, AccountMap map, Guid? postedById)
    {
        var memo = $"Setoran modal {injection.Investor}: {injection.Description}";
        return new JournalDraftBuilder(injection.InjectedOn, JournalSource.Capital, injection.Id.ToString(CultureInfo.InvariantCulture), injection.Number,
                memo.Length > JournalEntry.MemoMaxLength ? memo[..JournalEntry.MemoMaxLength] : memo, postedById)
            .Debit(injection.AccountId, injection.Amount)
            .Credit(map[AccountRoles.Capital], injection.Amount)
            .Build();
    }
}
