using System.Linq.Expressions;

namespace IspPortal.Core.Billing;

/// <summary>
/// When unpaid money is bad enough to cut a customer off: an invoice still owing on or after
/// its due date plus the isolir days from the settings. The overdue check isolates by this rule and
/// the reactivation lifts the isolation by the same rule, so a customer never flaps between them.
/// </summary>
public static class Arrears
{
    public static readonly InvoiceStatus[] Owing = [InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    /// <summary>The latest due date an invoice may have and still justify isolation today.</summary>
    public static DateOnly IsolateDueOnOrBefore(DateOnly today, int isolirAfterDays) => today.AddDays(-isolirAfterDays);

    public static Expression<Func<Invoice, bool>> Isolating(DateOnly today, int isolirAfterDays)
    {
        var dueBy = IsolateDueOnOrBefore(today, isolirAfterDays);
        return i => Owing.Contains(i.Status) && i.DueDate <= dueBy;
    }
}
