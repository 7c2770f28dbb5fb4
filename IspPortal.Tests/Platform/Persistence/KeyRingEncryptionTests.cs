using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IspPortal.Core.Common;
using IspPortal.Infrastructure;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform.Persistence;

/// <summary>A database of its own: the key ring must be empty before the certificate is configured.</summary>
public sealed class KeyRingEncryptionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"ispportal-keys-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_stored_encrypted_and_still_reads_after_a_restart()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ispportal-test-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(_certificatePath, certificate.Export(X509ContentType.Pkcs12, "rahasia"));
        }
        var settings = new Dictionary<string, string?>
        {
            [DependencyInjection.DataProtectionCertificateKey] = _certificatePath,
            [DependencyInjection.DataProtectionCertificatePasswordKey] = "rahasia",
        };

        string protectedNik;
        await using (var first = InfrastructureServices.Build(db.ConnectionString, At, null, settings))
            protectedNik = first.GetRequiredService<ISecretProtector>().Protect(SecretKind.Nik, "3215010101900001");
        await using var restarted = InfrastructureServices.Build(db.ConnectionString, At, null, settings);

        Assert.Equal("3215010101900001", restarted.GetRequiredService<ISecretProtector>().Unprotect(SecretKind.Nik, protectedNik));
        await using var context = db.CreateDbContext();
        var keys = await context.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    public void Dispose() => File.Delete(_certificatePath);
}
