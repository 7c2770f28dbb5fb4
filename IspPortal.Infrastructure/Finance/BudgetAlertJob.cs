using Coravel.Invocable;
using IspPortal.Core.Finance.Budgets;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Hourly: tells Finance of accounts past 90% or 100% of this month's budget (each once, by the outbox key).</summary>
public sealed class BudgetAlertJob(BudgetAlerts alerts) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => alerts.CheckAsync(CancellationToken);
}
