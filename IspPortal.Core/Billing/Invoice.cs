using IspPortal.Core.Customers;

namespace IspPortal.Core.Billing;

/// <summary>
/// A customer's bill for one month (table <c>invoices</c>; exactly one per customer and period).
/// Amounts change only through its methods, so subtotal, discount, tax, total and paid agree.
/// </summary>
public class Invoice
{
    /// <summary>e.g. <c>INV/2025/02/000123</c>.</summary>
    public const int NumberMaxLength = 32;
    public const int VoidReasonMaxLength = 500;
    public const int NotesMaxLength = 2000;

    private Invoice() { }

    /// <param name="period">Any day of the billed month; stored as its first day.</param>
    public Invoice(string number, int customerId, DateOnly period, DateOnly issueDate, DateOnly dueDate, decimal taxRatePercent, DateTimeOffset createdAt)
    {
        if (dueDate < issueDate)
        {
            throw new ArgumentException("The due date cannot be before the issue date.", nameof(dueDate));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(taxRatePercent);
        Number = number;
        CustomerId = customerId;
        Period = FirstDayOf(period);
        IssueDate = issueDate;
        DueDate = dueDate;
        TaxRate = taxRatePercent;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    public int CustomerId { get; private set; }

    /// <summary>The first day of the billed month.</summary>
    public DateOnly Period { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public decimal Subtotal { get; private set; }

    public decimal DiscountAmount { get; private set; }

    /// <summary>PPN rate in percent (e.g. 11.00); 0 when tax is off.</summary>
    public decimal TaxRate { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal Total { get; private set; }

    public decimal AmountPaid { get; private set; }

    /// <summary>Taken off by credit notes after issue (<see cref="CreditNote"/>).</summary>
    public decimal CreditedAmount { get; private set; }

    public decimal AmountDue => Total - AmountPaid - CreditedAmount;

    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Unpaid;

    public DateTimeOffset? PaidAt { get; private set; }

    public string? VoidReason { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public Guid? VoidedById { get; private set; }

    /// <summary>The version of the customer's pay links (<see cref="Common.LinkTarget"/>); raised to revoke every link sent so far.</summary>
    public int PayLinkVersion { get; private set; }

    /// <summary>When the invoice stopped asking for money (paid or void); its pay links expire some days after.</summary>
    public DateTimeOffset? SettledAt => SettledAtOf(Status, PaidAt, VoidedAt);

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public Customer? Customer { get; private set; }

    public List<InvoiceLine> Lines { get; private set; } = [];

    public static DateTimeOffset? SettledAtOf(InvoiceStatus status, DateTimeOffset? paidAt, DateTimeOffset? voidedAt) => status switch
    {
        InvoiceStatus.Paid => paidAt,
        InvoiceStatus.Void => voidedAt,
        _ => null,
    };

    /// <summary>Every pay link sent so far stops opening; the next message carries a new one.</summary>
    public void RevokePayLinks(DateTimeOffset at)
    {
        PayLinkVersion++;
        UpdatedAt = at;
    }

    public static DateOnly FirstDayOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Adds a charge (positive) or a discount (<see cref="InvoiceLineKind.Discount"/>, entered positive).</summary>
    public InvoiceLine AddLine(InvoiceLineKind kind, string description, decimal quantity, decimal unitPrice, int? servicePackageId = null)
    {
        if (Status != InvoiceStatus.Unpaid || AmountPaid != 0 || CreditedAmount != 0)
        {
            throw new InvalidOperationException($"Invoice {Number} is {Status}; issue a credit note instead of changing it.");
        }
        var line = new InvoiceLine(this, Lines.Count + 1, kind, description, quantity, unitPrice, servicePackageId);
        Lines.Add(line);
        Recalculate();
        return line;
    }

    /// <summary>Applies a payment or credit to this invoice; returns the part it could not take.</summary>
    public decimal ApplyPayment(decimal amount, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Status == InvoiceStatus.Void)
        {
            throw new InvalidOperationException($"Invoice {Number} is void.");
        }
        var applied = Math.Min(amount, AmountDue);
        AmountPaid += applied;
        SettleStatus(at);
        return amount - applied;
    }

    /// <summary>Takes <paramref name="amount"/> off what is owed (a credit note); at most what is still due.</summary>
    public void Credit(decimal amount, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Status == InvoiceStatus.Void)
            throw new InvalidOperationException($"Invoice {Number} is void.");
        if (amount > AmountDue)
            throw new InvalidOperationException($"Invoice {Number} has only {AmountDue} left to credit.");
        CreditedAmount += amount;
        SettleStatus(at);
    }

    private void SettleStatus(DateTimeOffset at)
    {
        if (AmountDue == 0)
        {
            Status = InvoiceStatus.Paid;
            PaidAt = at;
        }
        else if (Status != InvoiceStatus.Overdue && AmountPaid > 0)
        {
            Status = InvoiceStatus.PartiallyPaid;
        }
        UpdatedAt = at;
    }

    /// <summary>Marks the invoice overdue once <paramref name="today"/> is past the due date.</summary>
    public bool MarkOverdueIfDue(DateOnly today, DateTimeOffset at)
    {
        if (today <= DueDate || Status is InvoiceStatus.Paid or InvoiceStatus.Void or InvoiceStatus.Overdue)
        {
            return false;
        }
        Status = InvoiceStatus.Overdue;
        UpdatedAt = at;
        return true;
    }

    public void Void(string reason, Guid? byUserId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A void needs a reason.", nameof(reason));
        }
        if (AmountPaid > 0 || CreditedAmount > 0)
        {
            throw new InvalidOperationException($"Invoice {Number} has payments or credit notes; it cannot be voided.");
        }
        Status = InvoiceStatus.Void;
        VoidReason = reason;
        VoidedById = byUserId;
        VoidedAt = at;
        UpdatedAt = at;
    }

    private void Recalculate()
    {
        Subtotal = Lines.Where(l => l.Kind != InvoiceLineKind.Discount).Sum(l => l.Amount);
        DiscountAmount = Math.Min(Subtotal, Lines.Where(l => l.Kind == InvoiceLineKind.Discount).Sum(l => l.Amount));
        // PPN is charged on the discounted base and rounded to whole rupiah, as on Indonesian tax invoices.
        TaxAmount = Math.Round((Subtotal - DiscountAmount) * TaxRate / 100m, 0, MidpointRounding.AwayFromZero);
        Total = Subtotal - DiscountAmount + TaxAmount;
    }
}

public enum InvoiceStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    Overdue,
    Void,
}
