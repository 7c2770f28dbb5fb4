using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Security;

/// <summary>
/// HMAC-SHA256 <see cref="IKeyedHasher"/>. The key comes from <c>Security:HashKey</c> (base64, at
/// least 32 bytes); without it, a random key is made once, protected with Data Protection and kept
/// in <c>settings</c> under <see cref="SettingKey"/>, so a demo works with no configuration
/// (docs/decisions/0003). The key must never change once hashes are stored.
/// </summary>
public sealed class HmacKeyedHasher(IConfiguration configuration, IDataProtectionProvider dataProtection, IServiceScopeFactory scopes)
    : IKeyedHasher, IDisposable
{
    public const string ConfigurationKey = "Security:HashKey";
    public const string SettingKey = "security.keyed-hash-key";
    public const int MinimumKeyBytes = 32;
    private const string Purpose = "IspPortal.KeyedHash.Key.v1";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public async ValueTask<string> HashAsync(string value, CancellationToken cancellationToken = default)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }

    public void Dispose() => _loading.Dispose();

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _key ??= configuration[ConfigurationKey] is { Length: > 0 } configured
                ? FromConfiguration(configured)
                : await FromDatabaseAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    internal static byte[] FromConfiguration(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be base64 (e.g. `openssl rand -base64 32`).", exception);
        }
        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{ConfigurationKey} must be at least {MinimumKeyBytes} bytes; it has {key.Length}.");
    }

    private async Task<byte[]> FromDatabaseAsync(CancellationToken cancellationToken)
    {
        var protector = dataProtection.CreateProtector(Purpose);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IspDbContext>();
        var candidate = JsonSerializer.Serialize(new { protectedKey = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes))) });
        // Two instances starting together: the first insert wins and both read the winner's key.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO settings (key, value, updated_at, updated_by) VALUES ({SettingKey}, {candidate}::jsonb, now(), 'system') ON CONFLICT (key) DO NOTHING",
            cancellationToken);
        var stored = await db.Database
            .SqlQuery<string>($"SELECT value ->> 'protectedKey' AS \"Value\" FROM settings WHERE key = {SettingKey}")
            .SingleAsync(cancellationToken);
        return Convert.FromBase64String(protector.Unprotect(stored));
    }
}
