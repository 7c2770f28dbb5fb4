using IspPortal.Core.Customers;
using IspPortal.Core.SelfService;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.SelfService;

public class SelfServiceSessionConfiguration : IEntityTypeConfiguration<SelfServiceSession>
{
    public void Configure(EntityTypeBuilder<SelfServiceSession> builder)
    {
        builder.ToTable("self_service_sessions", t => t.HasEnumCheck<SelfServiceSession, SessionChannel>("channel"));
        builder.Property(s => s.TokenHash).HasMaxLength(SelfServiceSession.HashLength).IsFixedLength();
        builder.Property(s => s.Device).HasMaxLength(SelfServiceSession.DeviceMaxLength);
        builder.Property(s => s.Address).HasMaxLength(SelfServiceSession.AddressMaxLength);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
