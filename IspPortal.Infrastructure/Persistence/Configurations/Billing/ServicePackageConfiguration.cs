using IspPortal.Core.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Billing;

public class ServicePackageConfiguration : IEntityTypeConfiguration<ServicePackage>
{
    public void Configure(EntityTypeBuilder<ServicePackage> builder)
    {
        builder.ToTable("service_packages", t =>
        {
            t.HasCheckConstraint("ck_service_packages_price", "monthly_price >= 0");
            t.HasCheckConstraint("ck_service_packages_installation_fee", "installation_fee IS NULL OR installation_fee >= 0");
            t.HasCheckConstraint("ck_service_packages_speed", "download_mbps > 0 AND upload_mbps > 0");
        });
        builder.Property(p => p.Code).HasMaxLength(ServicePackage.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(ServicePackage.NameMaxLength);
        builder.Property(p => p.MikrotikProfile).HasMaxLength(ServicePackage.ProfileMaxLength);
        builder.Ignore(p => p.RateLimit);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}
