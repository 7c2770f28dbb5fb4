using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class IncomeConfiguration : IEntityTypeConfiguration<Income>
{
    public void Configure(EntityTypeBuilder<Income> builder)
    {
        builder.ToTable("income", t =>
        {
            t.HasEnumCheck<Income, CashMethod>("method");
            t.HasCheckConstraint("ck_income_amount", "amount > 0");
        });
        builder.Property(i => i.Number).HasMaxLength(Income.NumberMaxLength);
        builder.Property(i => i.Category).HasMaxLength(Income.CategoryMaxLength);
        builder.Property(i => i.Source).HasMaxLength(Income.SourceMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Income.DescriptionMaxLength);
        builder.Property(i => i.Reference).HasMaxLength(Income.ReferenceMaxLength);
        builder.HasOne(i => i.Investment).WithMany(v => v.Returns).HasForeignKey(i => i.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Number).IsUnique().HasDatabaseName("ux_income_number");
        builder.HasIndex(i => new { i.IncomeDate, i.Category });
        builder.HasIndex(i => i.InvestmentId);
        builder.HasIndex(i => i.RecordedById);
    }
}
