namespace IspPortal.Core.Common;

/// <summary>When the last backup succeeded, for the <c>ispportal_backup_last_success_timestamp_seconds</c> gauge.</summary>
public interface IBackupStatus
{
    /// <returns>Null when no backup has succeeded yet.</returns>
    Task<DateTimeOffset?> LastSuccessAsync(CancellationToken cancellationToken = default);
}

/// <summary>Stands in until backups report their runs: no backup has succeeded.</summary>
public sealed class NoBackupStatus : IBackupStatus
{
    public Task<DateTimeOffset?> LastSuccessAsync(CancellationToken cancellationToken = default) => Task.FromResult<DateTimeOffset?>(null);
}
