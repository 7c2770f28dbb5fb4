using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Billing;

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices", t =>
        {
            t.HasEnumCheck<Invoice, InvoiceStatus>("status");
            t.HasCheckConstraint("ck_invoices_period_first_day", "extract(day from period) = 1");
            t.HasCheckConstraint("ck_invoices_due_date", "due_date >= issue_date");
            t.HasCheckConstraint("ck_invoices_amounts", "subtotal >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND amount_paid >= 0 AND credited_amount >= 0");
            t.HasCheckConstraint("ck_invoices_discount", "discount_amount <= subtotal");
            t.HasCheckConstraint("ck_invoices_tax_rate", "tax_rate BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_invoices_total", "total = subtotal - discount_amount + tax_amount");
            t.HasCheckConstraint("ck_invoices_amount_paid", "amount_paid + credited_amount <= total");
            t.HasCheckConstraint("ck_invoices_paid", "status <> 'Paid' OR (amount_paid + credited_amount = total AND paid_at IS NOT NULL)");
            t.HasCheckConstraint("ck_invoices_void_reason", "(status = 'Void') = (void_reason IS NOT NULL)");
        });

        builder.Property(i => i.Number).HasMaxLength(Invoice.NumberMaxLength);
        builder.Property(i => i.TaxRate).HasPrecision(5, 2);
        builder.Property(i => i.VoidReason).HasMaxLength(Invoice.VoidReasonMaxLength);
        builder.Property(i => i.Notes).HasMaxLength(Invoice.NotesMaxLength);
        builder.Property(i => i.Version).IsXminRowVersion();
        builder.Ignore(i => i.AmountDue);

        builder.HasOne(i => i.Customer).WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.VoidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Lines).WithOne(l => l.Invoice).HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(i => i.Number).IsUnique().HasDatabaseName("ux_invoices_number");
        // The search's trigram index on lower(number) is an expression index EF cannot model: see the CustomerListPaging migration.
        builder.HasIndex(i => new { i.CustomerId, i.Period }).IsUnique().HasDatabaseName("ux_invoices_customer_period");
        builder.HasIndex(i => new { i.Status, i.DueDate });
        builder.HasIndex(i => i.Period);
        // The reports: invoices billed in a range of days, and those still open at a day (unpaid, or settled after it).
        builder.HasIndex(i => i.IssueDate);
        builder.HasIndex(i => i.PaidAt);
        builder.HasIndex(i => i.VoidedById);
    }
}

public class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.ToTable("credit_notes", t => t.HasCheckConstraint("ck_credit_notes_amount", "amount > 0"));
        builder.Property(n => n.Number).HasMaxLength(CreditNote.NumberMaxLength);
        builder.Property(n => n.Reason).HasMaxLength(CreditNote.ReasonMaxLength);
        builder.HasOne(n => n.Invoice).WithMany().HasForeignKey(n => n.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.Number).IsUnique().HasDatabaseName("ux_credit_notes_number");
        builder.HasIndex(n => n.InvoiceId);
        builder.HasIndex(n => n.CustomerId);
        builder.HasIndex(n => n.CreatedById);
    }
}

public class BillingChargeConfiguration : IEntityTypeConfiguration<BillingCharge>
{
    public void Configure(EntityTypeBuilder<BillingCharge> builder)
    {
        builder.ToTable("billing_charges", t =>
        {
            t.HasCheckConstraint("ck_billing_charges_kind", "kind IN ('Installation', 'Equipment', 'OneOff', 'Discount')");
            t.HasCheckConstraint("ck_billing_charges_amount", "amount > 0");
        });
        builder.Property(c => c.Description).HasMaxLength(BillingCharge.DescriptionMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // The run looks up what waits for a batch of customers.
        builder.HasIndex(c => c.CustomerId).HasFilter("invoice_id IS NULL").HasDatabaseName("ix_billing_charges_waiting");
        builder.HasIndex(c => c.InvoiceId);
        builder.HasIndex(c => c.CreatedById);
    }
}

public class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.ToTable("invoice_lines", t =>
        {
            t.HasEnumCheck<InvoiceLine, InvoiceLineKind>("kind");
            t.HasCheckConstraint("ck_invoice_lines_quantity", "quantity > 0");
            t.HasCheckConstraint("ck_invoice_lines_amounts", "unit_price >= 0 AND amount >= 0");
            t.HasCheckConstraint("ck_invoice_lines_position", "position > 0");
        });
        builder.Property(l => l.Description).HasMaxLength(InvoiceLine.DescriptionMaxLength);
        builder.Property(l => l.Quantity).HasPrecision(10, 4);
        builder.HasOne<ServicePackage>().WithMany().HasForeignKey(l => l.ServicePackageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.InvoiceId, l.Position }).IsUnique().HasDatabaseName("ux_invoice_lines_invoice_position");
        builder.HasIndex(l => l.ServicePackageId);
    }
}
