using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
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
            t.HasEnumCheck<Expense, ExpenseStatus>("status");
            t.HasCheckConstraint("ck_expenses_amount", "amount > 0 AND vat >= 0");
            t.HasCheckConstraint("ck_expenses_approval", "(approved_by_id IS NULL OR approved_at IS NOT NULL) AND ((status = 'Approved') = (approved_at IS NOT NULL))");
            t.HasCheckConstraint("ck_expenses_rejection", "(status = 'Rejected') = (rejection_reason IS NOT NULL)");
            // Paid at once names its account; owed names one only once paid.
            t.HasCheckConstraint("ck_expenses_payment", "(on_credit OR payment_account_id IS NOT NULL) AND ((paid_on IS NULL) OR (on_credit AND payment_account_id IS NOT NULL))");
        });
        builder.Property(e => e.Number).HasMaxLength(Expense.NumberMaxLength);
        builder.Property(e => e.Description).HasMaxLength(Expense.DescriptionMaxLength);
        builder.Property(e => e.Vendor).HasMaxLength(Expense.VendorMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(Expense.ReferenceMaxLength);
        builder.Property(e => e.ReceiptPath).HasMaxLength(Expense.ReceiptPathMaxLength);
        builder.Property(e => e.Notes).HasMaxLength(Expense.NotesMaxLength);
        builder.Property(e => e.RejectionReason).HasMaxLength(Expense.ReasonMaxLength);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(Expense.IdempotencyKeyMaxLength);
        builder.Ignore(e => e.Total);
        builder.Ignore(e => e.IsOutstanding);
        builder.HasOne<ExpenseCategory>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(e => e.PaymentAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Asset).WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Investment>().WithMany().HasForeignKey(e => e.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.Number).IsUnique().HasDatabaseName("ux_expenses_number");
        builder.HasIndex(e => e.IdempotencyKey).IsUnique().HasDatabaseName("ux_expenses_idempotency_key");
        builder.HasIndex(e => new { e.ExpenseDate, e.CategoryId });
        builder.HasIndex(e => e.CategoryId);
        builder.HasIndex(e => e.Status);
        builder.HasIndex(e => e.PaymentAccountId);
        builder.HasIndex(e => e.AssetId);
        builder.HasIndex(e => e.InvestmentId);
        builder.HasIndex(e => e.RecordedById);
        builder.HasIndex(e => e.ApprovedById);
    }
}

public class ExpenseCategoryConfiguration : IEntityTypeConfiguration<ExpenseCategory>
{
    public void Configure(EntityTypeBuilder<ExpenseCategory> builder)
    {
        builder.ToTable("expense_categories");
        builder.Property(c => c.Code).HasMaxLength(ExpenseCategory.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(ExpenseCategory.NameMaxLength);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Code).IsUnique().HasDatabaseName("ux_expense_categories_code");
        builder.HasIndex(c => c.AccountId);
    }
}

public class RecurringExpenseConfiguration : IEntityTypeConfiguration<RecurringExpense>
{
    public void Configure(EntityTypeBuilder<RecurringExpense> builder)
    {
        builder.ToTable("recurring_expenses", t =>
        {
            t.HasCheckConstraint("ck_recurring_expenses_amount", "amount > 0 AND vat >= 0");
            t.HasCheckConstraint("ck_recurring_expenses_day", $"day_of_month BETWEEN 1 AND {RecurringExpense.LastDay}");
            t.HasCheckConstraint("ck_recurring_expenses_period", "ends_on IS NULL OR ends_on >= starts_on");
            t.HasCheckConstraint("ck_recurring_expenses_last_month", "last_created_month IS NULL OR EXTRACT(DAY FROM last_created_month) = 1");
        });
        builder.Property(r => r.Description).HasMaxLength(RecurringExpense.DescriptionMaxLength);
        builder.Property(r => r.Vendor).HasMaxLength(RecurringExpense.VendorMaxLength);
        builder.HasOne<ExpenseCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(r => r.PaymentAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CategoryId);
        builder.HasIndex(r => r.PaymentAccountId);
        builder.HasIndex(r => r.CreatedById);
        builder.HasIndex(r => r.IsActive);
    }
}
