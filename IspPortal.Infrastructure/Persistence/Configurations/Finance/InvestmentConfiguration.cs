using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> builder)
    {
        builder.ToTable("investments", t =>
        {
            t.HasEnumCheck<Investment, InvestmentStatus>("status");
            t.HasCheckConstraint("ck_investments_amount", "amount > 0");
            t.HasCheckConstraint("ck_investments_current_value", "current_value >= 0");
            t.HasCheckConstraint("ck_investments_maturity", "maturity_date >= invested_on");
            t.HasCheckConstraint("ck_investments_closed", "(status = 'Closed') = (closed_on IS NOT NULL)");
        });
        builder.Property(i => i.Name).HasMaxLength(Investment.NameMaxLength);
        builder.Property(i => i.Category).HasMaxLength(Investment.CategoryMaxLength);
        builder.Property(i => i.Counterparty).HasMaxLength(Investment.CounterpartyMaxLength);
        builder.Property(i => i.ExpectedReturnRate).HasPrecision(7, 2);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Status);
        builder.HasIndex(i => i.RecordedById);
    }
}
