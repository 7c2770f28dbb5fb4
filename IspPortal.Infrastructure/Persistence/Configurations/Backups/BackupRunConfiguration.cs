using IspPortal.Core.Backups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Backups;

public class BackupRunConfiguration : IEntityTypeConfiguration<BackupRun>
{
    public const string OneRunningIndex = "ux_backup_runs_one_running";

    public void Configure(EntityTypeBuilder<BackupRun> builder)
    {
        builder.ToTable("backup_runs", t =>
        {
            t.HasEnumCheck<BackupRun, BackupRunStatus>("status");
            t.HasEnumCheck<BackupRun, BackupTrigger>("trigger");
            t.HasEnumCheck<BackupRun, OffsiteState>("offsite");
            t.HasCheckConstraint("ck_backup_runs_size", "size_bytes IS NULL OR size_bytes >= 0");
        });
        builder.Property(r => r.StartedBy).HasMaxLength(BackupRun.StartedByMaxLength);
        builder.Property(r => r.File).HasMaxLength(BackupRun.FileMaxLength);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.Error).HasMaxLength(BackupRun.ErrorMaxLength);
        builder.Property(r => r.OffsiteError).HasMaxLength(BackupRun.ErrorMaxLength);
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => r.StartedAt);
        // One run at a time across instances: at most one row may be Running.
        builder.HasIndex(r => r.Status).IsUnique().HasFilter("status = 'Running'").HasDatabaseName(OneRunningIndex);
    }
}
