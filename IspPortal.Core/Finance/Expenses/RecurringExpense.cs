namespace IspPortal.Core.Finance.Expenses;

/// <summary>
/// A bill that comes every month (table <c>recurring_expenses</c>): the upstream bandwidth, the tower
/// rent. <c>RecurringExpenseJob</c> records it as an approved expense on <see cref="DayOfMonth"/> of
/// each month from <see cref="StartsOn"/> to <see cref="EndsOn"/>, once per month (idempotency key
/// <c>recurring:{id}:{yyyy-MM}</c>), and remembers the last month it did in <see cref="LastCreatedMonth"/>.
/// </summary>
public class RecurringExpense
{
    public const int DescriptionMaxLength = Expense.DescriptionMaxLength;
    public const int VendorMaxLength = Expense.VendorMaxLength;

    /// <summary>28 at most, so every month has the day.</summary>
    public const int LastDay = 28;

    private RecurringExpense() { }

    public RecurringExpense(int categoryId, string description, decimal amount, decimal vat, int? paymentAccountId, int dayOfMonth,
        DateOnly startsOn, DateOnly? endsOn, Guid? createdById, DateTimeOffset createdAt)
    {
        Change(categoryId, description, amount, vat, paymentAccountId, dayOfMonth, startsOn, endsOn);
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int CategoryId { get; private set; }

    public string? Vendor { get; set; }

    public string Description { get; private set; } = "";

    /// <summary>The net amount, without VAT.</summary>
    public decimal Amount { get; private set; }

    /// <summary>PPN masukan.</summary>
    public decimal Vat { get; private set; }

    /// <summary>The cash or bank account each month's expense is paid from; null when it is owed (Utang usaha) until paid.</summary>
    public int? PaymentAccountId { get; private set; }

    /// <summary>1–28: the day of the month the expense is dated and recorded.</summary>
    public int DayOfMonth { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day a month's expense may fall on; null for no end.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>False once stopped: no further month is recorded.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>The first day of the last month recorded (or skipped because it was closed); null before the first.</summary>
    public DateOnly? LastCreatedMonth { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Change(int categoryId, string description, decimal amount, decimal vat, int? paymentAccountId, int dayOfMonth, DateOnly startsOn, DateOnly? endsOn)
    {
        if (amount <= 0 || vat < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A recurring expense is a positive amount with a VAT of zero or more.");
        if (dayOfMonth is < 1 or > LastDay)
            throw new ArgumentOutOfRangeException(nameof(dayOfMonth), "The day of the month is 1 to 28.");
        CategoryId = categoryId;
        Description = description;
        Amount = amount;
        Vat = vat;
        PaymentAccountId = paymentAccountId;
        DayOfMonth = dayOfMonth;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public void Stop() => IsActive = false;

    /// <summary>The days a month's expense falls due through <paramref name="today"/> that have not been recorded yet, oldest first.</summary>
    public IEnumerable<DateOnly> DueThrough(DateOnly today)
    {
        if (!IsActive)
            yield break;
        var month = new DateOnly(StartsOn.Year, StartsOn.Month, 1);
        if (LastCreatedMonth is { } last && last >= month)
            month = last.AddMonths(1);
        for (; month <= today; month = month.AddMonths(1))
        {
            var due = month.AddDays(DayOfMonth - 1);
            if (due > today || (EndsOn is { } end && due > end))
                yield break;
            if (due >= StartsOn)
                yield return due;
        }
    }

    /// <summary>The idempotency key of <paramref name="month"/>'s expense: one expense per recurring expense and month, whoever records it.</summary>
    public static string KeyFor(int id, DateOnly month) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"recurring:{id}:{month:yyyy-MM}");
}
