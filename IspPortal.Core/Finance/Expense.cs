namespace IspPortal.Core.Finance;

public enum ExpenseStatus
{
    /// <summary>Entered by staff without finance.write: nothing posted until Finance approves.</summary>
    Submitted,
    /// <summary>Posted to the ledger.</summary>
    Approved,
    Rejected,
}

/// <summary>
/// Money the ISP spent (table <c>expenses</c>): the net <see cref="Amount"/> on its category's
/// account, the PPN masukan on VAT input, paid from cash or a bank account, or owed (Utang usaha)
/// until it is paid. Posts once when approved (JournalSource.Expense) and once when an owed expense
/// is paid (JournalSource.ExpensePayment), both keyed by its id.
/// </summary>
public class Expense
{
    public const int NumberMaxLength = 32;
    public const string NumberFormat = "EXP/{yyyy}/{MM}/{seq:4}";
    public const int DescriptionMaxLength = 500;
    public const int VendorMaxLength = 120;
    public const int ReferenceMaxLength = 100;
    public const int ReceiptPathMaxLength = 260;
    public const int NotesMaxLength = 1000;
    public const int ReasonMaxLength = 500;
    public const int IdempotencyKeyMaxLength = 100;

    private Expense() { }

    /// <param name="paymentAccountId">The cash or bank account it was paid from; null when owed (Utang usaha).</param>
    public Expense(string number, DateOnly expenseDate, int categoryId, string description, decimal amount, decimal vat,
        int? paymentAccountId, string idempotencyKey, Guid? recordedById, DateTimeOffset createdAt)
    {
        if (amount <= 0 || vat < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "An expense is a positive amount with a VAT of zero or more.");
        Number = number;
        ExpenseDate = expenseDate;
        CategoryId = categoryId;
        Description = description;
        Amount = amount;
        Vat = vat;
        OnCredit = paymentAccountId is null;
        PaymentAccountId = paymentAccountId;
        IdempotencyKey = idempotencyKey;
        RecordedById = recordedById;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>e.g. <c>EXP/2026/02/0012</c>; unique.</summary>
    public string Number { get; private set; } = "";

    public DateOnly ExpenseDate { get; private set; }

    public int CategoryId { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>The net amount, without VAT.</summary>
    public decimal Amount { get; private set; }

    /// <summary>PPN masukan: VAT the ISP may credit against its PPN keluaran.</summary>
    public decimal Vat { get; private set; }

    public decimal Total => Amount + Vat;

    /// <summary>Owed to the vendor (Utang usaha) when recorded; <see cref="PaidOn"/> says when it was settled.</summary>
    public bool OnCredit { get; private set; }

    /// <summary>The cash or bank account the money left: at once, or when an owed expense was paid.</summary>
    public int? PaymentAccountId { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public bool IsOutstanding => OnCredit && PaidOn is null && Status == ExpenseStatus.Approved;

    public string? Vendor { get; set; }

    public string? Reference { get; set; }

    /// <summary>The stored receipt (photo or PDF, see <c>IExpenseReceiptStore</c>).</summary>
    public string? ReceiptPath { get; set; }

    public string? Notes { get; set; }

    public ExpenseStatus Status { get; private set; } = ExpenseStatus.Submitted;

    public string? RejectionReason { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    /// <summary>The asset this spending bought or repaired, if any.</summary>
    public int? AssetId { get; set; }

    /// <summary>The investment (expansion project) this spending belongs to, if any: its cost, or its capital when the category posts to an asset account.</summary>
    public int? InvestmentId { get; set; }

    public Guid? RecordedById { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Asset? Asset { get; set; }

    /// <summary>Finance approves (or entered it): the caller posts it in the same transaction.</summary>
    public void Approve(Guid? approvedById, DateTimeOffset at)
    {
        if (Status != ExpenseStatus.Submitted)
            throw new InvalidOperationException($"Expense {Number} is {Status}, not waiting for approval.");
        Status = ExpenseStatus.Approved;
        ApprovedById = approvedById;
        ApprovedAt = at;
    }

    public void Reject(string reason)
    {
        if (Status != ExpenseStatus.Submitted)
            throw new InvalidOperationException($"Expense {Number} is {Status}, not waiting for approval.");
        Status = ExpenseStatus.Rejected;
        RejectionReason = reason;
    }

    /// <summary>An owed expense paid to its vendor: the caller posts the payment in the same transaction.</summary>
    public void Pay(int paymentAccountId, DateOnly paidOn)
    {
        if (!IsOutstanding)
            throw new InvalidOperationException($"Expense {Number} is not an approved debt waiting to be paid.");
        PaymentAccountId = paymentAccountId;
        PaidOn = paidOn;
    }
}
