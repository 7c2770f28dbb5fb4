using Coravel.Invocable;
using IspPortal.Core.Finance.Expenses;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Daily (and at start, to catch up after downtime): every recurring expense's due months through today, as the system, by one instance at a time.</summary>
public sealed class RecurringExpenseJob(CreateRecurringExpenses recurring) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => recurring.RunScheduledAsync(CancellationToken);
}
