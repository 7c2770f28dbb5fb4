namespace IspPortal.Core.Common;

/// <summary>When the last backup succeeded, for the <c>ispportal_backup_last_success_timestamp_seconds</c> gauge.</summary>
public interface IBackupStatus
{
    /// <returns>Null when no backup has succeeded yet.</returns>
    Task<DateTimeOffset?> LastSuccessAsync(CancellationToken cancellationToken = default);
}
