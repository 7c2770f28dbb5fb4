using Coravel.Invocable;
using IspPortal.Core.Backups;

namespace IspPortal.Infrastructure.Backups;

/// <summary>Every minute: the nightly backup once its time has come (<see cref="BackupSchedule"/>).</summary>
public sealed class BackupJob(BackupSchedule schedule) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => schedule.ExecuteAsync(CancellationToken);
}
