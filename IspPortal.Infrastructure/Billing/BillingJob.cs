using Coravel.Invocable;
using IspPortal.Core.Billing.Automation;

namespace IspPortal.Infrastructure.Billing;

/// <summary>Every minute: the billing day's invoices, the 09:00 overdue check, the 10:00 reminders and reactivation after payment, each when due.</summary>
public sealed class BillingJob(RunBillingSchedule schedule) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => schedule.ExecuteAsync(CancellationToken);
}
