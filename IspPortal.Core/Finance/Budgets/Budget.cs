using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Budgets;

/// <summary>What Finance plans to earn or spend on one revenue or expense account in one month (table <c>budgets</c>, one row per account and month).</summary>
[FeatureApi]
public class Budget
{
    private Budget() { }

    public Budget(int accountId, DateOnly month, decimal amount, DateTimeOffset at)
    {
        AccountId = accountId;
        Month = new DateOnly(month.Year, month.Month, 1);
        Change(amount, at);
    }

    public long Id { get; private set; }

    public int AccountId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(decimal amount, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Amount = amount;
        UpdatedAt = at;
    }
}
