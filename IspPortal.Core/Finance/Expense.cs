namespace IspPortal.Core.Finance;

/// <summary>Money the ISP spent (table <c>expenses</c>).</summary>
public class Expense
{
    public const int NumberMaxLength = 32;
    public const int CategoryMaxLength = 64;
    public const int DescriptionMaxLength = 500;
    public const int VendorMaxLength = 120;
    public const int ReferenceMaxLength = 100;
    public const int ReceiptPathMaxLength = 260;

    public int Id { get; set; }

    /// <summary>e.g. <c>EXP/2025/02/0012</c>; unique.</summary>
    public string Number { get; set; } = "";

    public DateOnly ExpenseDate { get; set; }

    /// <summary>e.g. bandwidth, salaries, rent, electricity, equipment, maintenance.</summary>
    public string Category { get; set; } = "";

    public string Description { get; set; } = "";

    public decimal Amount { get; set; }

    public CashMethod Method { get; set; } = CashMethod.BankTransfer;

    public string? Vendor { get; set; }

    public string? Reference { get; set; }

    public string? ReceiptPath { get; set; }

    /// <summary>The asset this spending bought or repaired, if any.</summary>
    public int? AssetId { get; set; }

    public Guid? RecordedById { get; set; }

    public Guid? ApprovedById { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Asset? Asset { get; set; }
}
