namespace IspPortal.Core.Backups;

/// <summary>An archive written to the backup folder.</summary>
/// <param name="File">The file name inside the backup folder.</param>
public sealed record WrittenArchive(string File, long SizeBytes, string Sha256);

/// <summary>Writes and finds the archives (database dump, customer photos, ticket attachments, manifest).</summary>
public interface IBackupArchives
{
    Task<WrittenArchive> WriteAsync(string fileStem, CancellationToken cancellationToken = default);

    /// <summary>The archive's full path, or null when it is not (any more) in the backup folder.</summary>
    string? PathOf(string file);

    void Delete(string file);
}

/// <summary>A copy of each archive in S3-compatible object storage, when configured.</summary>
public interface IOffsiteBackupCopy
{
    bool Configured { get; }

    Task CopyAsync(string path, string file, CancellationToken cancellationToken = default);
}

/// <summary>Carries a started run to its end outside the request that started it.</summary>
public interface IBackgroundBackups
{
    void Continue(long runId);
}
