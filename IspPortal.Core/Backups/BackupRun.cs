using IspPortal.Core.Common;

namespace IspPortal.Core.Backups;

public enum BackupRunStatus
{
    Running,
    Succeeded,
    Failed,
}

public enum BackupTrigger
{
    Schedule,
    Manual,
}

/// <summary>Where the archive's copy in object storage stands; <see cref="NotConfigured"/> when no storage is set.</summary>
public enum OffsiteState
{
    NotConfigured,
    Pending,
    Copied,
    Failed,
}

/// <summary>
/// One backup (table <c>backup_runs</c>): the archive it wrote, or why it failed. Only one run is
/// <see cref="BackupRunStatus.Running"/> at a time: a partial unique index holds that across instances.
/// </summary>
[NotAudited]
public class BackupRun
{
    public const int FileMaxLength = 200;
    public const int ErrorMaxLength = 2000;
    public const int StartedByMaxLength = 100;

    private BackupRun() { }

    public BackupRun(BackupTrigger trigger, string startedBy, DateTimeOffset startedAt)
    {
        Trigger = trigger;
        StartedBy = Cut(startedBy, StartedByMaxLength);
        StartedAt = startedAt;
    }

    public long Id { get; private set; }

    public BackupRunStatus Status { get; private set; } = BackupRunStatus.Running;

    public BackupTrigger Trigger { get; private set; }

    public string StartedBy { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public long? SizeBytes { get; private set; }

    /// <summary>SHA-256 of the whole archive file, hex.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>The archive's file name in the backup folder; null once retention removed it (or the run failed).</summary>
    public string? File { get; private set; }

    public string? Error { get; private set; }

    public OffsiteState Offsite { get; private set; } = OffsiteState.NotConfigured;

    public string? OffsiteError { get; private set; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public void Succeed(string file, long sizeBytes, string sha256, DateTimeOffset at, bool offsiteConfigured)
    {
        File = file;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        FinishedAt = at;
        Status = BackupRunStatus.Succeeded;
        Offsite = offsiteConfigured ? OffsiteState.Pending : OffsiteState.NotConfigured;
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Status = BackupRunStatus.Failed;
        Error = Cut(error, ErrorMaxLength);
        FinishedAt = at;
    }

    public void OffsiteCopied()
    {
        Offsite = OffsiteState.Copied;
        OffsiteError = null;
    }

    public void OffsiteFailed(string error)
    {
        Offsite = OffsiteState.Failed;
        OffsiteError = Cut(error, ErrorMaxLength);
    }

    /// <summary>Retention removed the archive: the run stays in the history without a file.</summary>
    public void Pruned() => File = null;

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
