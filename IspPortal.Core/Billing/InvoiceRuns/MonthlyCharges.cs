using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>One line to put on an invoice.</summary>
public sealed record ChargeLine(InvoiceLineKind Kind, string Description, decimal Quantity, decimal UnitPrice, int? ServicePackageId = null);

/// <summary>What a customer owes for one month, before it becomes an invoice.</summary>
public sealed record MonthlyBill(DateOnly Period, DateOnly IssueDate, DateOnly DueDate, decimal TaxRatePercent, IReadOnlyList<ChargeLine> Lines);

/// <summary>
/// The monthly charge of a package, with the rules we state on the invoice:
/// <list type="bullet">
/// <item>A customer whose service starts after the 1st pays the first month by days: price × days
/// from the start to the month's end ÷ days in the month, rounded to whole rupiah (half up).</item>
/// <item>A service that starts after the month has no bill for it.</item>
/// <item>PPN (rate from the settings, when switched on and the package is taxable) is charged on the
/// total after discounts and rounded to whole rupiah (half up), as on Indonesian tax invoices.</item>
/// <item>The invoice falls due on the due day of its month; issued on or after that day (a late
/// on-demand run), it falls due as many days after issue as the settings put between billing day
/// and due day, at least seven.</item>
/// </list>
/// </summary>
public static class MonthlyCharges
{
    public const int MinimumDaysToPay = 7;

    public static MonthlyBill? For(ServicePackage package, DateOnly serviceStart, DateOnly period, DateOnly issueDate, BillingSettings settings)
    {
        var first = Invoice.FirstDayOf(period);
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var last = first.AddDays(days - 1);
        if (serviceStart > last)
            return null;

        ChargeLine line;
        if (serviceStart <= first)
        {
            line = new ChargeLine(InvoiceLineKind.Subscription, $"{package.Name} {first.ToString("MMMM yyyy", Rupiah.Indonesia)}", 1, package.MonthlyPrice, package.Id);
        }
        else
        {
            var used = days - serviceStart.Day + 1;
            var amount = Math.Round(package.MonthlyPrice * used / days, 0, MidpointRounding.AwayFromZero);
            line = new ChargeLine(InvoiceLineKind.Proration,
                $"{package.Name} {serviceStart.Day}–{last.ToString("d MMMM yyyy", Rupiah.Indonesia)} ({used} dari {days} hari)", 1, amount, package.Id);
        }

        var dueDate = first.AddDays(settings.DueDay - 1);
        if (dueDate <= issueDate)
            dueDate = issueDate.AddDays(Math.Max(MinimumDaysToPay, settings.DueDay - settings.BillingDay));
        var taxRate = settings.PpnEnabled && package.IsTaxable ? settings.PpnRatePercent : 0m;
        return new MonthlyBill(first, issueDate, dueDate, taxRate, [line]);
    }
}
