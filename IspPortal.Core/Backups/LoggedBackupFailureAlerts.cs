using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Backups;

/// <summary>Until alerts reach people, a failed backup is at least an error in the log.</summary>
public sealed class LoggedBackupFailureAlerts(ILogger<LoggedBackupFailureAlerts> logger) : IBackupFailureAlerts
{
    public Task RaiseAsync(BackupRun run, CancellationToken cancellationToken = default)
    {
        logger.LogError("Backup run {RunId} failed: {Error}", run.Id, run.Error);
        return Task.CompletedTask;
    }
}
