using System.Security.Cryptography;
using System.Text;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Security;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform.Persistence;

public class SecretProtectionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset At = new(2026, 4, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_secret_protected_by_one_instance_is_read_by_another_but_only_as_its_own_kind()
    {
        string protectedPassword;
        await using (var first = InfrastructureServices.Build(db.ConnectionString, At, null))
        {
            protectedPassword = first.GetRequiredService<ISecretProtector>().Protect(SecretKind.RouterPassword, "Demo#2025");
        }
        await using var second = InfrastructureServices.Build(db.ConnectionString, At, null);
        var protector = second.GetRequiredService<ISecretProtector>();

        Assert.DoesNotContain("Demo#2025", protectedPassword, StringComparison.Ordinal);
        Assert.Equal("Demo#2025", protector.Unprotect(SecretKind.RouterPassword, protectedPassword));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(SecretKind.PppoePassword, protectedPassword));
        await using var context = db.CreateDbContext();
        Assert.True(await context.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task Without_a_configured_key_the_nik_hash_is_the_same_after_a_restart()
    {
        string first, second;
        await using (var services = InfrastructureServices.Build(db.ConnectionString, At, null))
        {
            first = await services.GetRequiredService<IKeyedHasher>().HashAsync("3215010101900001");
        }
        await using (var services = InfrastructureServices.Build(db.ConnectionString, At, null))
        {
            second = await services.GetRequiredService<IKeyedHasher>().HashAsync("3215010101900001");
            Assert.NotEqual(first, await services.GetRequiredService<IKeyedHasher>().HashAsync("3215010101900002"));
        }

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
        await using var context = db.CreateDbContext();
        var stored = await context.Settings.SingleAsync(s => s.Key == HmacKeyedHasher.SettingKey);
        Assert.Contains("protectedKey", stored.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_is_used_as_the_hmac_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, null,
            new Dictionary<string, string?> { [HmacKeyedHasher.ConfigurationKey] = Convert.ToBase64String(key) });

        var hash = await services.GetRequiredService<IKeyedHasher>().HashAsync("3215010101900001");

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("3215010101900001"))), hash);
    }

    [Fact]
    public async Task A_configured_key_shorter_than_32_bytes_is_refused()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, null,
            new Dictionary<string, string?> { [HmacKeyedHasher.ConfigurationKey] = Convert.ToBase64String(new byte[16]) });

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await services.GetRequiredService<IKeyedHasher>().HashAsync("x"));
    }
}
