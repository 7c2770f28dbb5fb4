using IspPortal.Core.Network;
using IspPortal.Infrastructure.Persistence.Partitioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

/// <summary>Partitioned by month: the table is created by <see cref="PartitionedTables"/>, not by EF.</summary>
public class RouterLogConfiguration : IEntityTypeConfiguration<RouterLog>
{
    public void Configure(EntityTypeBuilder<RouterLog> builder)
    {
        builder.ToTable(PartitionedTables.RouterLogs.Table, t => t.ExcludeFromMigrations());
        builder.HasKey(l => new { l.Id, l.OccurredAt });
        builder.Property(l => l.Id).HasDefaultValueSql(PartitionedTables.RouterLogs.IdDefault);
        builder.Property(l => l.Operation).HasMaxLength(RouterLog.OperationMaxLength);
        builder.Property(l => l.Details).HasColumnType("jsonb");
        builder.HasOne(l => l.Router).WithMany().HasForeignKey(l => l.RouterId).OnDelete(DeleteBehavior.Cascade);
    }
}
