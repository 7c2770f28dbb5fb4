using IspPortal.Core.Common;

namespace IspPortal.Core.Reports.Saved;

/// <summary>Claims one occurrence of a schedule for sending (Infrastructure: <c>INSERT … ON CONFLICT DO NOTHING</c>).</summary>
public interface IReportDeliveryClaims
{
    /// <summary>
    /// Inserts the <c>report_deliveries</c> row of (<paramref name="scheduleId"/>, <paramref name="dueAt"/>) in <paramref name="db"/>'s open
    /// transaction. Returns its id, or null when another run has it already (a second instance waits for the first to commit, then gets null).
    /// </summary>
    Task<long?> ClaimAsync(IIspDb db, int scheduleId, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken = default);
}
