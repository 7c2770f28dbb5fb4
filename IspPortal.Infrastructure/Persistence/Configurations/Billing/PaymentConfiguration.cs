using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Billing;

public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments", t =>
        {
            t.HasEnumCheck<Payment, PaymentMethod>("method");
            t.HasEnumCheck<Payment, PaymentStatus>("status");
            t.HasCheckConstraint("ck_payments_amount", "amount > 0");
            t.HasCheckConstraint("ck_payments_gateway", "gateway IS NOT NULL OR (gateway_transaction_id IS NULL AND gateway_order_id IS NULL)");
            t.HasCheckConstraint("ck_payments_confirmed", "status <> 'Confirmed' OR confirmed_at IS NOT NULL");
            t.HasCheckConstraint("ck_payments_gateway_channel",
                $"gateway_channel IS NULL OR (gateway IS NOT NULL AND gateway_channel IN ({string.Join(", ", PaymentChannels.Codes.Select(c => $"'{c}'"))}))");
        });

        builder.Property(p => p.Number).HasMaxLength(Payment.NumberMaxLength);
        builder.Property(p => p.Gateway).HasMaxLength(Payment.GatewayMaxLength);
        builder.Property(p => p.GatewayTransactionId).HasMaxLength(Payment.GatewayTransactionIdMaxLength);
        builder.Property(p => p.GatewayOrderId).HasMaxLength(Payment.GatewayOrderIdMaxLength);
        builder.Property(p => p.GatewayStatus).HasMaxLength(Payment.GatewayStatusMaxLength);
        builder.Property(p => p.Reference).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(p => p.ProofPath).HasMaxLength(Payment.ProofPathMaxLength);
        builder.Property(p => p.RejectionReason).HasMaxLength(Payment.ReasonMaxLength);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(Payment.IdempotencyKeyMaxLength);
        builder.Property(p => p.GatewayQrString).HasMaxLength(Payment.GatewayQrMaxLength);
        builder.Property(p => p.GatewayChannel).HasMaxLength(Payment.GatewayChannelMaxLength);
        builder.Property(p => p.GatewayVaNumber).HasMaxLength(Payment.GatewayVaNumberMaxLength);
        builder.Property(p => p.GatewayBillerCode).HasMaxLength(Payment.GatewayBillerCodeMaxLength);
        builder.Property(p => p.GatewayActionUrl).HasMaxLength(Payment.GatewayActionUrlMaxLength);
        builder.Ignore(p => p.AllocatedAmount);

        builder.HasOne(p => p.Customer).WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Invoice).WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.ConfirmedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Allocations).WithOne(a => a.Payment).HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(p => p.Number).IsUnique().HasDatabaseName("ux_payments_number");
        builder.HasIndex(p => new { p.Gateway, p.GatewayTransactionId }).IsUnique()
            .HasFilter("gateway_transaction_id IS NOT NULL").HasDatabaseName("ux_payments_gateway_transaction");
        builder.HasIndex(p => new { p.Gateway, p.GatewayOrderId }).IsUnique()
            .HasFilter("gateway_order_id IS NOT NULL").HasDatabaseName("ux_payments_gateway_order");
        builder.HasIndex(p => p.IdempotencyKey).IsUnique().HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ux_payments_idempotency_key");
        builder.HasIndex(p => new { p.CustomerId, p.ReceivedAt });
        builder.HasIndex(p => p.InvoiceId);
        builder.HasIndex(p => p.Status).HasFilter("status = 'Pending'");
        builder.HasIndex(p => p.RecordedById);
        builder.HasIndex(p => p.ConfirmedById);
    }
}

public class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> builder)
    {
        builder.ToTable("payment_allocations", t => t.HasCheckConstraint("ck_payment_allocations_amount", "amount > 0"));
        builder.HasOne(a => a.Invoice).WithMany().HasForeignKey(a => a.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PaymentId, a.InvoiceId }).IsUnique().HasDatabaseName("ux_payment_allocations_payment_invoice");
        // Covering: the aging sums an invoice's allocations up to a day, the collection report a range of days, from the index alone.
        builder.HasIndex(a => new { a.InvoiceId, a.AllocatedAt }).IncludeProperties(a => a.Amount);
        builder.HasIndex(a => a.AllocatedAt).IncludeProperties(a => new { a.InvoiceId, a.PaymentId, a.Amount });
    }
}
