using IspPortal.Core.Customers;
using IspPortal.Core.SelfService;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.SelfService;

public class SelfServiceActivityConfiguration : IEntityTypeConfiguration<SelfServiceActivity>
{
    public void Configure(EntityTypeBuilder<SelfServiceActivity> builder)
    {
        builder.ToTable("self_service_activities", t => t.HasEnumCheck<SelfServiceActivity, SelfServiceAction>("action"));
        builder.Property(a => a.Detail).HasMaxLength(SelfServiceActivity.DetailMaxLength);
        builder.Property(a => a.Address).HasMaxLength(SelfServiceActivity.AddressMaxLength);
        builder.HasIndex(a => new { a.CustomerId, a.At });
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
