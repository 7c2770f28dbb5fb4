namespace IspPortal.Core.Finance;

/// <summary>Capital put into the business or into a project, tracked for its return (table <c>investments</c>).</summary>
public class Investment
{
    public const int NameMaxLength = 120;
    public const int CategoryMaxLength = 64;
    public const int CounterpartyMaxLength = 120;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>e.g. network expansion, equipment, deposit, shares.</summary>
    public string Category { get; set; } = "";

    /// <summary>The investor or the party invested in.</summary>
    public string? Counterparty { get; set; }

    public DateOnly InvestedOn { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Expected yearly return in percent.</summary>
    public decimal? ExpectedReturnRate { get; set; }

    public decimal? CurrentValue { get; set; }

    public DateOnly? MaturityDate { get; set; }

    public InvestmentStatus Status { get; set; } = InvestmentStatus.Active;

    public DateOnly? ClosedOn { get; set; }

    public string? Notes { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Income> Returns { get; private set; } = [];

    /// <summary>Return on investment in percent from the returns received and the current value.</summary>
    public decimal RoiPercent(decimal returnsReceived) =>
        Amount == 0 ? 0 : Math.Round((returnsReceived + (CurrentValue ?? Amount) - Amount) / Amount * 100m, 2);
}

public enum InvestmentStatus
{
    Active,
    Closed,
}
