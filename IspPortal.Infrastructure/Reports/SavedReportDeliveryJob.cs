using Coravel.Invocable;
using IspPortal.Core.Reports.Saved;

namespace IspPortal.Infrastructure.Reports;

/// <summary>Every minute: the saved reports whose schedule is due, each occurrence once across restarts and instances (the delivery claim).</summary>
public sealed class SavedReportDeliveryJob(DeliverSavedReports deliveries) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => deliveries.RunDueAsync(CancellationToken);
}
