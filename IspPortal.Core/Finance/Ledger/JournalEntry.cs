using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// One balanced posting (table <c>journal_entries</c>), written only by <see cref="IJournalWriter"/>
/// and never changed: a mistake is corrected by another entry. Each business event posts exactly
/// one entry, keyed by (<see cref="SourceType"/>, <see cref="SourceKey"/>) under a unique constraint.
/// The database refuses an entry whose lines do not balance and one dated in a closed month.
/// </summary>
[NotAudited]
[FeatureApi]
public class JournalEntry
{
    public const int SourceKeyMaxLength = 64;
    public const int SourceNumberMaxLength = 64;
    public const int MemoMaxLength = 500;

    private JournalEntry() { }

    public long Id { get; private set; }

    /// <summary>The day in the ISP's time zone the event belongs to; its month must be open.</summary>
    public DateOnly EntryDate { get; private set; }

    public JournalSource SourceType { get; private set; }

    /// <summary>The source document's id, or a key naming the occasion (e.g. <c>12:2026-11</c> for an asset's month).</summary>
    public string SourceKey { get; private set; } = "";

    /// <summary>The document number people know it by (<c>INV/2026/11/000123</c>), for search and drill-down.</summary>
    public string? SourceNumber { get; private set; }

    public string Memo { get; private set; } = "";

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public List<JournalLine> Lines { get; private set; } = [];

    /// <summary>What people read as the entry's number.</summary>
    public string Number => NumberOf(Id);

    public static string NumberOf(long id) => $"JU-{id:D6}";
}

/// <summary>One side of an entry (table <c>journal_lines</c>): exactly one of debit and credit is positive.</summary>
[NotAudited]
[FeatureApi]
public class JournalLine
{
    public const int MemoMaxLength = 200;

    private JournalLine() { }

    public long Id { get; private set; }

    public long EntryId { get; private set; }

    /// <summary>The entry's date, kept on the line so balances at a date read one table.</summary>
    public DateOnly EntryDate { get; private set; }

    public int Position { get; private set; }

    public int AccountId { get; private set; }

    public decimal Debit { get; private set; }

    public decimal Credit { get; private set; }

    public int? CustomerId { get; private set; }

    public int? LocationCodeId { get; private set; }

    public int? RouterId { get; private set; }

    public string? Memo { get; private set; }

    public JournalEntry? Entry { get; private set; }

    public LedgerAccount? Account { get; private set; }
}

/// <summary>The kinds of document that post; with the source key they make each entry unique.</summary>
[FeatureApi]
public enum JournalSource
{
    Invoice,
    InvoiceVoid,
    CreditNote,
    /// <summary>Confirmed customer money into cash, bank or gateway clearing (with the gateway's fee).</summary>
    Payment,
    /// <summary>Customer money already received settling an invoice (at confirmation, or credit used later).</summary>
    Allocation,
    Expense,
    ExpensePayment,
    Income,
    AssetPurchase,
    Depreciation,
    AssetDisposal,
    Capital,
    Investment,
    Manual,
    YearClose,
    YearReopen,
}
