using IspPortal.Core.Customers;
using IspPortal.Core.SelfService;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.SelfService;

public class SelfServiceAttemptConfiguration : IEntityTypeConfiguration<SelfServiceAttempt>
{
    public void Configure(EntityTypeBuilder<SelfServiceAttempt> builder)
    {
        builder.ToTable("self_service_attempts", t => t.HasEnumCheck<SelfServiceAttempt, AttemptKind>("kind"));
        builder.Property(a => a.Login).HasMaxLength(SelfServiceAttempt.LoginMaxLength);
        builder.Property(a => a.Address).HasMaxLength(SelfServiceAttempt.AddressMaxLength);
        builder.HasIndex(a => new { a.Login, a.At });
        builder.HasIndex(a => new { a.Address, a.At });
        builder.HasIndex(a => a.At);
    }
}
