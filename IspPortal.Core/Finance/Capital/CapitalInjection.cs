namespace IspPortal.Core.Finance.Capital;

/// <summary>
/// Money an owner or investor put into the business (table <c>capital_injections</c>): Dr the cash
/// or bank account it arrived in, Cr Modal disetor. Posts once when recorded (JournalSource.Capital,
/// keyed by its id); a retry with the same idempotency key answers the first one.
/// </summary>
public class CapitalInjection
{
    public const int InvestorMaxLength = 120;
    public const int DescriptionMaxLength = 500;
    public const int IdempotencyKeyMaxLength = 100;

    private CapitalInjection() { }

    public CapitalInjection(DateOnly injectedOn, decimal amount, int accountId, string investor, string description,
        string idempotencyKey, Guid? recordedById, DateTimeOffset createdAt)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A capital injection is a positive amount.");
        InjectedOn = injectedOn;
        Amount = amount;
        AccountId = accountId;
        Investor = investor;
        Description = description;
        IdempotencyKey = idempotencyKey;
        RecordedById = recordedById;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public DateOnly InjectedOn { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>The cash or bank account the money arrived in.</summary>
    public int AccountId { get; private set; }

    /// <summary>The owner or investor who put the money in.</summary>
    public string Investor { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string IdempotencyKey { get; private set; } = "";

    public Guid? RecordedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What people read as its number, also the journal entry's source number.</summary>
    public string Number => NumberOf(Id);

    public static string NumberOf(int id) => $"MOD-{id:D5}";
}
