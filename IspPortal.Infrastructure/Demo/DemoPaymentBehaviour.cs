using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// How the demo's customers pay (deterministic for a given "now"): by cash, transfer or QRIS, mostly
/// 1–10 days after the invoice, some late; isolated customers owe their last one to three months, most
/// active customers paid this month and one in eight did not (half of those promised and are exempt).
/// A few pay more than asked (credit for the next invoice, one of them three months ahead), one invoice
/// gets a credit note for an outage and one is voided.
/// </summary>
public sealed class DemoPaymentBehaviour(Random random, DateTimeOffset now, TimeZoneInfo zone, DateOnly thisMonth)
{
    private int? _prepayer;
    private bool _voided;
    private bool _credited;

    public static DateTimeOffset At(DateOnly day, double hour, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddHours(hour);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public DateOnly Day(DateTimeOffset at) => IspClock.DayOf(at, zone);

    public void Profile(DemoAccount account)
    {
        var roll = random.NextDouble();
        account.Preferred = roll < 0.3 ? PaymentMethod.Cash : roll < 0.7 ? PaymentMethod.BankTransfer : PaymentMethod.Qris;
        account.ArrearsMonths = account.Customer.Status == CustomerStatus.Isolated ? 1 + random.Next(3) : 0;
    }

    public PaymentMethod Method(DemoAccount account)
    {
        if (random.NextDouble() >= 0.2)
            return account.Preferred;
        return (PaymentMethod)random.Next(3);
    }

    public DemoCorrection Correction(DemoAccount account, Invoice invoice)
    {
        var regular = account.ActiveIndex > 0 && account.ActiveIndex % 8 != 0 && account.Invoices.Count > 1;
        if (!_voided && regular && invoice.Period == thisMonth.AddMonths(-5))
        {
            _voided = true;
            return DemoCorrection.Void;
        }
        if (!_credited && regular && invoice.Period == thisMonth.AddMonths(-3) && account.ActiveIndex % 23 != 5)
        {
            _credited = true;
            return DemoCorrection.CreditNote;
        }
        return DemoCorrection.None;
    }

    /// <returns>When the money arrives; null for an invoice still owed today.</returns>
    public DateTimeOffset? PayAt(DemoAccount account, Invoice invoice, DateTimeOffset issuedAt)
    {
        var customer = account.Customer;
        if (customer.Status == CustomerStatus.Isolated && invoice.Period >= thisMonth.AddMonths(-account.ArrearsMonths))
            return null;
        if (customer.Status == CustomerStatus.Active && invoice.Period == thisMonth)
        {
            if (account.ActiveIndex % 8 == 0)
                return null;
            // Spread over the days of this month so far.
            var paid = now.AddDays(-Math.Max(0, Day(now).Day - 1) * (account.ActiveIndex % 5) / 5.0);
            return paid > issuedAt ? paid : Latest(issuedAt);
        }

        var roll = random.NextDouble();
        var days = roll < 0.06 ? 0 : roll < 0.88 ? 1 + random.Next(10) : 11 + random.Next(30);
        var at = At(Day(issuedAt).AddDays(days), 9 + random.Next(10) + random.NextDouble(), zone);
        if (at <= issuedAt)
            at = issuedAt.AddHours(2);
        // Customers in good standing (and those who left) settled everything before today.
        return at < now ? at : Latest(issuedAt);
    }

    public decimal Amount(DemoAccount account, Invoice invoice)
    {
        var due = invoice.AmountDue;
        if (account.Customer.Status != CustomerStatus.Active)
            return due;
        // One customer paid three months ahead last month: credit pays this month's invoice and the next.
        if (invoice.Period == thisMonth.AddMonths(-1) && account.ActiveIndex % 16 != 0 && account.ActiveIndex % 8 != 0
            && (_prepayer ??= account.Customer.Id) == account.Customer.Id)
            return due * 3;
        // A few round up what they pay; the rest waits as credit for the next invoice.
        if (account.ActiveIndex % 23 == 5 && invoice.Period == thisMonth.AddMonths(-4))
            return (Math.Floor(due / 50_000m) + 2) * 50_000m;
        return due;
    }

    /// <summary>Finance confirms a transfer from the bank statement some hours later.</summary>
    public DateTimeOffset Confirmation(DateTimeOffset receivedAt)
    {
        var at = receivedAt.AddHours(1 + random.Next(5));
        return at < now ? at : receivedAt;
    }

    private DateTimeOffset Latest(DateTimeOffset issuedAt)
    {
        var span = now - issuedAt;
        return issuedAt + span * (0.3 + random.NextDouble() * 0.6);
    }
}
