using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Customers;

public class LocationCodeConfiguration : IEntityTypeConfiguration<LocationCode>
{
    public void Configure(EntityTypeBuilder<LocationCode> builder)
    {
        builder.ToTable("location_codes", t =>
            t.HasCheckConstraint("ck_location_codes_code_format", "code ~ '^[A-Z]{2,5}$'"));
        builder.Property(l => l.Code).HasMaxLength(LocationCode.CodeMaxLength);
        builder.Property(l => l.Name).HasMaxLength(LocationCode.NameMaxLength);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.HasIndex(l => l.Code).IsUnique();
    }
}
