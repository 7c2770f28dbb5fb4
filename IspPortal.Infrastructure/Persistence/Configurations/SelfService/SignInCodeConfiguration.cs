using IspPortal.Core.Customers;
using IspPortal.Core.SelfService;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.SelfService;

public class SignInCodeConfiguration : IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<SignInCode> builder)
    {
        builder.ToTable("self_service_codes", t =>
        {
            t.HasEnumCheck<SignInCode, SignInCodePurpose>("purpose");
            t.HasCheckConstraint("ck_self_service_codes_wrong_tries", $"wrong_tries BETWEEN 0 AND {SignInCode.MaxWrongTries}");
        });
        builder.Property(c => c.Login).HasMaxLength(SelfServiceAttempt.LoginMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Customer.PhoneMaxLength);
        builder.Property(c => c.CodeEncrypted).HasMaxLength(400);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // The newest code of a login is what a sign-in checks.
        builder.HasIndex(c => new { c.Login, c.Id });
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasIndex(c => new { c.Phone, c.CreatedAt });
    }
}
