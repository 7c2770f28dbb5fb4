using IspPortal.Core.Customers;
using IspPortal.Infrastructure.Persistence.Partitioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Customers;

/// <summary>Partitioned by month: the table is created by <see cref="PartitionedTables"/>, not by EF.</summary>
public class CustomerStatusLogConfiguration : IEntityTypeConfiguration<CustomerStatusLog>
{
    public void Configure(EntityTypeBuilder<CustomerStatusLog> builder)
    {
        builder.ToTable(PartitionedTables.CustomerStatusLogs.Table, t => t.ExcludeFromMigrations());
        builder.HasKey(l => new { l.Id, l.ChangedAt });
        builder.Property(l => l.Id).HasDefaultValueSql(PartitionedTables.CustomerStatusLogs.IdDefault);
        builder.Property(l => l.FromValue).HasMaxLength(CustomerStatusLog.ValueMaxLength);
        builder.Property(l => l.ToValue).HasMaxLength(CustomerStatusLog.ValueMaxLength);
        builder.Property(l => l.Reason).HasMaxLength(Customer.ReasonMaxLength);
        builder.HasOne(l => l.Customer).WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
