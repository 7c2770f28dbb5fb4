namespace IspPortal.Core.Finance;

/// <summary>Money received that is not a customer's payment (table <c>income</c>): installation partners, rentals, grants.</summary>
public class Income
{
    public const int NumberMaxLength = 32;
    public const int CategoryMaxLength = 64;
    public const int SourceMaxLength = 120;
    public const int DescriptionMaxLength = 500;
    public const int ReferenceMaxLength = 100;

    public int Id { get; set; }

    /// <summary>e.g. <c>INC/2025/02/0003</c>; unique.</summary>
    public string Number { get; set; } = "";

    public DateOnly IncomeDate { get; set; }

    public string Category { get; set; } = "";

    /// <summary>Who paid.</summary>
    public string Source { get; set; } = "";

    public string Description { get; set; } = "";

    public decimal Amount { get; set; }

    public CashMethod Method { get; set; } = CashMethod.BankTransfer;

    public string? Reference { get; set; }

    /// <summary>An investment this is a return of, if any (for ROI).</summary>
    public int? InvestmentId { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Investment? Investment { get; set; }
}
