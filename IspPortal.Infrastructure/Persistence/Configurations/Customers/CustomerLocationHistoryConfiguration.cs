using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Customers;

public class CustomerLocationHistoryConfiguration : IEntityTypeConfiguration<CustomerLocationHistory>
{
    public void Configure(EntityTypeBuilder<CustomerLocationHistory> builder)
    {
        builder.ToTable("customer_location_history", t =>
        {
            t.HasCoordinateChecks();
            t.HasCoordinateChecks("from_latitude", "from_longitude");
        });

        builder.Property(h => h.Reason).HasMaxLength(Customer.ReasonMaxLength);

        builder.HasOne(h => h.Customer).WithMany().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.ChangedById).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(h => new { h.CustomerId, h.ChangedAt });
        builder.HasIndex(h => h.ChangedById);
    }
}
