using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Finance.Journals;

/// <summary>
/// A journal entry Finance writes by hand (table <c>manual_journals</c>, lines in
/// <c>manual_journal_lines</c>), with its reason. Up to the approval threshold it posts at once;
/// above it waits until a second Finance or Admin user approves (posts) or rejects it.
/// </summary>
public class ManualJournal
{
    public const int NumberMaxLength = 32;
    public const int MemoMaxLength = 500;
    public const int RejectionReasonMaxLength = 500;
    public const string NumberFormat = "JM/{yyyy}/{MM}/{seq:4}";
    public const string NumberKind = "manual-journal";

    private ManualJournal() { }

    public ManualJournal(string number, DateOnly entryDate, string memo, IEnumerable<ManualJournalLine> lines, Guid? requestedById, DateTimeOffset requestedAt)
    {
        Number = number;
        EntryDate = entryDate;
        Memo = memo;
        Lines = [.. lines];
        Total = Lines.Sum(l => l.Debit);
        RequestedById = requestedById;
        RequestedAt = requestedAt;
    }

    public long Id { get; private set; }

    public string Number { get; private set; } = "";

    public DateOnly EntryDate { get; private set; }

    /// <summary>Why the entry is made; it becomes the posted entry's memo.</summary>
    public string Memo { get; private set; } = "";

    /// <summary>The debit side (equal to the credit side).</summary>
    public decimal Total { get; private set; }

    public ManualJournalStatus Status { get; private set; } = ManualJournalStatus.Pending;

    public Guid? RequestedById { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>Who approved or rejected it; null for an entry that posted at once.</summary>
    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public long? EntryId { get; private set; }

    public List<ManualJournalLine> Lines { get; private set; } = [];

    public void Posted(long entryId, Guid? decidedById, DateTimeOffset at)
    {
        if (Status != ManualJournalStatus.Pending)
            throw new InvalidOperationException($"Manual journal {Number} is {Status}; only a pending one posts.");
        Status = ManualJournalStatus.Posted;
        EntryId = entryId;
        DecidedById = decidedById;
        DecidedAt = at;
    }

    public void Reject(string reason, Guid? decidedById, DateTimeOffset at)
    {
        if (Status != ManualJournalStatus.Pending)
            throw new InvalidOperationException($"Manual journal {Number} is {Status}; only a pending one is rejected.");
        Status = ManualJournalStatus.Rejected;
        RejectionReason = reason;
        DecidedById = decidedById;
        DecidedAt = at;
    }
}

/// <summary>One side of a manual journal: exactly one of debit and credit is positive.</summary>
public class ManualJournalLine
{
    private ManualJournalLine() { }

    public ManualJournalLine(int position, int accountId, decimal debit, decimal credit, int? customerId, int? locationCodeId, int? routerId)
    {
        Position = position;
        AccountId = accountId;
        Debit = debit;
        Credit = credit;
        CustomerId = customerId;
        LocationCodeId = locationCodeId;
        RouterId = routerId;
    }

    public long Id { get; private set; }

    public long ManualJournalId { get; private set; }

    public int Position { get; private set; }

    public int AccountId { get; private set; }

    public decimal Debit { get; private set; }

    public decimal Credit { get; private set; }

    public int? CustomerId { get; private set; }

    public int? LocationCodeId { get; private set; }

    public int? RouterId { get; private set; }

    public LedgerAccount? Account { get; private set; }
}

public enum ManualJournalStatus
{
    Pending,
    Posted,
    Rejected,
}
