using IspPortal.Core.Identity.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Identity;

public class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.Property(a => a.UserName).HasMaxLength(SignInAttempt.UserNameMaxLength);
        builder.Property(a => a.Address).HasMaxLength(SignInAttempt.AddressMaxLength);
        // The throttle counts by address, by name, and both, within a recent window; the clean-up deletes by age.
        builder.HasIndex(a => new { a.Address, a.AttemptedAt });
        builder.HasIndex(a => new { a.UserName, a.AttemptedAt });
        builder.HasIndex(a => a.AttemptedAt);
    }
}
