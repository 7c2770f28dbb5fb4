using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.ToTable("expenses", t =>
        {
            t.HasEnumCheck<Expense, CashMethod>("method");
            t.HasCheckConstraint("ck_expenses_amount", "amount > 0");
            t.HasCheckConstraint("ck_expenses_approval", "(approved_by_id IS NULL) = (approved_at IS NULL)");
        });
        builder.Property(e => e.Number).HasMaxLength(Expense.NumberMaxLength);
        builder.Property(e => e.Category).HasMaxLength(Expense.CategoryMaxLength);
        builder.Property(e => e.Description).HasMaxLength(Expense.DescriptionMaxLength);
        builder.Property(e => e.Vendor).HasMaxLength(Expense.VendorMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(Expense.ReferenceMaxLength);
        builder.Property(e => e.ReceiptPath).HasMaxLength(Expense.ReceiptPathMaxLength);
        builder.HasOne(e => e.Asset).WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.Number).IsUnique().HasDatabaseName("ux_expenses_number");
        builder.HasIndex(e => new { e.ExpenseDate, e.Category });
        builder.HasIndex(e => e.AssetId);
        builder.HasIndex(e => e.RecordedById);
        builder.HasIndex(e => e.ApprovedById);
    }
}
