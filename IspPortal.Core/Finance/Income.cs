namespace IspPortal.Core.Finance;

/// <summary>
/// Money received that is not a customer's payment (table <c>income</c>): tower rent, corporate
/// installation work, bank interest. Posts once when recorded (JournalSource.Income, keyed by its id).
/// </summary>
public class Income
{
    public const int NumberMaxLength = 32;
    public const string NumberFormat = "INC/{yyyy}/{MM}/{seq:4}";
    public const int SourceMaxLength = 120;
    public const int DescriptionMaxLength = 500;
    public const int ReferenceMaxLength = 100;
    public const int IdempotencyKeyMaxLength = 100;

    private Income() { }

    public Income(string number, DateOnly incomeDate, int categoryId, string source, string description, decimal amount,
        int accountId, string idempotencyKey, Guid? recordedById, DateTimeOffset createdAt)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "Income is a positive amount.");
        Number = number;
        IncomeDate = incomeDate;
        CategoryId = categoryId;
        Source = source;
        Description = description;
        Amount = amount;
        AccountId = accountId;
        IdempotencyKey = idempotencyKey;
        RecordedById = recordedById;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>e.g. <c>INC/2026/02/0003</c>; unique.</summary>
    public string Number { get; private set; } = "";

    public DateOnly IncomeDate { get; private set; }

    public int CategoryId { get; private set; }

    /// <summary>Who paid.</summary>
    public string Source { get; private set; } = "";

    public string Description { get; private set; } = "";

    public decimal Amount { get; private set; }

    /// <summary>The cash or bank account it was received into.</summary>
    public int AccountId { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public string? Reference { get; set; }

    /// <summary>The investment (expansion project) this income belongs to, if any.</summary>
    public int? InvestmentId { get; set; }

    public Guid? RecordedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
