using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Customers;

public class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers", t =>
        {
            t.HasEnumCheck<Customer, CustomerStatus>("status");
            t.HasEnumCheck<Customer, ConnectionState>("connection_state");
            t.HasCoordinateChecks();
            t.HasCheckConstraint("ck_customers_phone_e164", "phone ~ '^\\+[1-9][0-9]{6,14}$'");
            t.HasCheckConstraint("ck_customers_credit_balance", "credit_balance >= 0");
            t.HasCheckConstraint("ck_customers_postal_code", "postal_code ~ '^[0-9]{5}$'");
            t.HasCheckConstraint("ck_customers_nik_hash", "nik_hash ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_customers_nik_together", "(nik_encrypted IS NULL) = (nik_hash IS NULL)");
            t.HasCheckConstraint("ck_customers_exempt_until", "isolation_exempt OR isolation_exempt_until IS NULL");
            t.HasCheckConstraint("ck_customers_pending_package", "(pending_service_package_id IS NULL) = (pending_package_from IS NULL)");
            t.HasCheckConstraint("ck_customers_pending_package_month", "extract(day FROM pending_package_from) = 1");
            t.HasCheckConstraint("ck_customers_terminated_at", "(status = 'Terminated') = (terminated_at IS NOT NULL)");
        });

        builder.Property(c => c.Code).HasMaxLength(Customer.CodeMaxLength);
        builder.Property(c => c.FullName).HasMaxLength(Customer.FullNameMaxLength);
        builder.Property(c => c.NikHash).HasMaxLength(IKeyedHasher.HashLength).IsFixedLength();
        builder.Property(c => c.Phone).HasMaxLength(Customer.PhoneMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.Property(c => c.Address).HasMaxLength(Customer.AddressMaxLength);
        builder.Property(c => c.Village).HasMaxLength(Customer.RegionNameMaxLength);
        builder.Property(c => c.District).HasMaxLength(Customer.RegionNameMaxLength);
        builder.Property(c => c.City).HasMaxLength(Customer.RegionNameMaxLength);
        builder.Property(c => c.Province).HasMaxLength(Customer.RegionNameMaxLength);
        builder.Property(c => c.PostalCode).HasMaxLength(Customer.PostalCodeLength).IsFixedLength();
        builder.Property(c => c.KtpPhotoPath).HasMaxLength(Customer.PhotoPathMaxLength);
        builder.Property(c => c.HousePhotoPath).HasMaxLength(Customer.PhotoPathMaxLength);
        builder.Property(c => c.IsolationExemptReason).HasMaxLength(Customer.ReasonMaxLength);
        builder.Property(c => c.Version).IsXminRowVersion();

        builder.HasOne(c => c.ServicePackage).WithMany().HasForeignKey(c => c.ServicePackageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PendingServicePackage).WithMany().HasForeignKey(c => c.PendingServicePackageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.LocationCode).WithMany().HasForeignKey(c => c.LocationCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Router).WithMany().HasForeignKey(c => c.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RouterPool>().WithMany().HasForeignKey(c => c.RouterPoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.TechnicianId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => c.Code).IsUnique().HasDatabaseName("ux_customers_code");
        builder.HasIndex(c => c.NikHash);
        builder.HasIndex(c => c.Phone);
        // The list's sort orders end in id (keyset paging, docs/decisions/0025); each also serves its column alone.
        builder.HasIndex(c => new { c.Status, c.Id });
        builder.HasIndex(c => new { c.RegisteredAt, c.Id });
        // A sync rewrites the connection columns of up to every customer of a router at once (a first
        // sync, a router back up). With none of them indexed and half of each page kept free,
        // PostgreSQL updates those rows in place (HOT) instead of adding an entry to each of the
        // table's indexes, three of them trigram GIN: that was most of a full sync's time.
        builder.HasIndex(c => c.RouterId);
        builder.HasStorageParameter("fillfactor", 50);
        builder.HasIndex(c => c.LocationCodeId);
        builder.HasIndex(c => c.ServicePackageId);
        builder.HasIndex(c => c.PendingServicePackageId);
        builder.HasIndex(c => c.PendingPackageFrom).HasFilter("pending_package_from IS NOT NULL");
        builder.HasIndex(c => c.RouterPoolId);
        builder.HasIndex(c => c.TechnicianId);
        builder.HasIndex(c => new { c.FullName, c.Id });
        // The search box's trigram indexes on lower(full_name), lower(code) and phone are expression
        // indexes EF cannot model: see the CustomerSearch migration.
    }
}
