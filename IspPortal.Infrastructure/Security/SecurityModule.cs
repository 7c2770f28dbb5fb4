using System.Security.Cryptography.X509Certificates;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Security;

public static class SecurityModule
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys in the database so every instance (and every restart) can read what another protected.
        var dataProtection = services.AddDataProtection()
            .PersistKeysToDbContext<IspDbContext>()
            .SetApplicationName(DependencyInjection.ApplicationName);
        // With a certificate the key ring is encrypted in the database, so a stolen dump alone
        // decrypts nothing (docs/decisions/0003).
        if (configuration[DependencyInjection.DataProtectionCertificateKey] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration[DependencyInjection.DataProtectionCertificatePasswordKey], X509KeyStorageFlags.EphemeralKeySet);
            // Linux has no certificate store to find the decrypting key in: name it explicitly.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<IKeyedHasher, HmacKeyedHasher>();
        services.AddJob<Identity.SignInAttemptCleanupJob>(Every.Hour);
        return services;
    }
}
