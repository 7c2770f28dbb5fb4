using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Customers;

public class CustomerRegistrationConfiguration : IEntityTypeConfiguration<CustomerRegistration>
{
    public void Configure(EntityTypeBuilder<CustomerRegistration> builder)
    {
        builder.ToTable("customer_registrations", t =>
        {
            t.HasEnumCheck<CustomerRegistration, RegistrationStatus>("status");
            t.HasEnumCheck<CustomerRegistration, RegistrationChannel>("channel");
            t.HasCheckConstraint("ck_customer_registrations_attempts", "provisioning_attempts >= 0");
            t.HasCheckConstraint("ck_customer_registrations_cancellation", "(status = 'Cancelled') = (cancelled_at IS NOT NULL)");
            t.HasCheckConstraint("ck_customer_registrations_assignment_version", "assignment_version >= 1");
        });

        builder.Property(r => r.LastProvisioningError).HasMaxLength(CustomerRegistration.ErrorMaxLength);
        builder.Property(r => r.CancellationReason).HasMaxLength(Customer.ReasonMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(CustomerRegistration.NotesMaxLength);
        builder.Property(r => r.AssignmentVersion).HasDefaultValue(1);

        builder.HasOne(r => r.Customer).WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServicePackage>().WithMany().HasForeignKey(r => r.ServicePackageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Router>().WithMany().HasForeignKey(r => r.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RouterPool>().WithMany().HasForeignKey(r => r.RouterPoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.RegisteredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.TechnicianId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => r.CustomerId).IsUnique().HasDatabaseName("ux_customer_registrations_customer_id");
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => new { r.TechnicianId, r.InstallationScheduledFor });
        builder.HasIndex(r => r.RouterId);
        builder.HasIndex(r => r.ServicePackageId);
        builder.HasIndex(r => r.RouterPoolId);
        builder.HasIndex(r => r.RegisteredById);
    }
}
