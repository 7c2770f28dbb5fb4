using IspPortal.Core.Identity;
using IspPortal.Infrastructure.Persistence.Partitioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Identity;

/// <summary>Partitioned by month: the table is created by <see cref="PartitionedTables"/>, not by EF.</summary>
public class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public const int EntityMaxLength = 64;
    public const int EntityKeyMaxLength = 100;
    public const int UserNameMaxLength = 256;

    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable(PartitionedTables.AuditLogs.Table, t => t.ExcludeFromMigrations());
        builder.HasKey(l => new { l.Id, l.OccurredAt });
        builder.Property(l => l.Id).HasDefaultValueSql(PartitionedTables.AuditLogs.IdDefault);
        builder.Property(l => l.UserName).HasMaxLength(UserNameMaxLength);
        builder.Property(l => l.Entity).HasMaxLength(EntityMaxLength);
        builder.Property(l => l.EntityKey).HasMaxLength(EntityKeyMaxLength);
        builder.Property(l => l.Changes).HasColumnType("jsonb");
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
