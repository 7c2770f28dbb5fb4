using IspPortal.Core.Finance.Capital;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class CapitalInjectionConfiguration : IEntityTypeConfiguration<CapitalInjection>
{
    public void Configure(EntityTypeBuilder<CapitalInjection> builder)
    {
        builder.ToTable("capital_injections", t => t.HasCheckConstraint("ck_capital_injections_amount", "amount > 0"));
        builder.Property(c => c.Investor).HasMaxLength(CapitalInjection.InvestorMaxLength);
        builder.Property(c => c.Description).HasMaxLength(CapitalInjection.DescriptionMaxLength);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(CapitalInjection.IdempotencyKeyMaxLength);
        builder.Ignore(c => c.Number);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.IdempotencyKey).IsUnique().HasDatabaseName(CapitalInjections.IdempotencyIndex);
        builder.HasIndex(c => c.InjectedOn);
        builder.HasIndex(c => c.AccountId);
        builder.HasIndex(c => c.RecordedById);
    }
}
