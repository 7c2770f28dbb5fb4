using IspPortal.Core.Billing;
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
            t.HasCheckConstraint("ck_invoices_amounts", "subtotal >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND amount_paid >= 0");
            t.HasCheckConstraint("ck_invoices_discount", "discount_amount <= subtotal");
            t.HasCheckConstraint("ck_invoices_tax_rate", "tax_rate BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_invoices_total", "total = subtotal - discount_amount + tax_amount");
            t.HasCheckConstraint("ck_invoices_amount_paid", "amount_paid <= total");
            t.HasCheckConstraint("ck_invoices_paid", "status <> 'Paid' OR (amount_paid = total AND paid_at IS NOT NULL)");
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
        builder.HasIndex(i => new { i.CustomerId, i.Period }).IsUnique().HasDatabaseName("ux_invoices_customer_period");
        builder.HasIndex(i => new { i.Status, i.DueDate });
        builder.HasIndex(i => i.Period);
        builder.HasIndex(i => i.VoidedById);
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
