using System.Text.Json;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Persistence.Interceptors;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IspPortal.Tests.Platform.Persistence.SchemaTestData;

namespace IspPortal.Tests.Platform.Persistence;

public class AuditInterceptorTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 4, 2, 3, 4, 5, TimeSpan.Zero);
    private Actor _actor = Actor.System;

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await using var context = db.CreateDbContext();
        var user = new PortalUser { Id = Guid.NewGuid(), UserName = "admin", NormalizedUserName = "ADMIN", FullName = "Admin", CreatedAt = Now };
        context.Users.Add(user);
        await context.SaveChangesAsync();
        _actor = new Actor(user.Id, "admin");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Insert_update_and_delete_are_recorded_with_who_when_and_the_changed_values()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, _actor);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IspDbContext>();
        var (_, _, router) = await AddNetworkAsync(context);

        router.Name = "Cikampek Utama";
        router.PasswordEncrypted = "protected-2";
        await context.SaveChangesAsync();
        context.Routers.Remove(router);
        await context.SaveChangesAsync();

        var rows = await AuditRowsAsync("routers");
        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Delete], rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal(_actor.UserId, r.UserId);
            Assert.Equal("admin", r.UserName);
            Assert.Equal(At, r.OccurredAt);
            Assert.Equal(router.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.EntityKey);
        });

        using var insert = JsonDocument.Parse(rows[0].Changes);
        Assert.Equal(JsonValueKind.Null, insert.RootElement.GetProperty("before").ValueKind);
        var inserted = insert.RootElement.GetProperty("after");
        Assert.Equal(router.Id, inserted.GetProperty("id").GetInt32());
        Assert.Equal("CKP", inserted.GetProperty("code").GetString());
        Assert.Equal("Profile", inserted.GetProperty("isolation_method").GetString());
        Assert.Equal(AuditInterceptor.Masked, inserted.GetProperty("password_encrypted").GetString());

        using var update = JsonDocument.Parse(rows[1].Changes);
        var before = update.RootElement.GetProperty("before");
        var after = update.RootElement.GetProperty("after");
        Assert.Equal(["name", "password_encrypted"], before.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["name", "password_encrypted"], after.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Router CKP", before.GetProperty("name").GetString());
        Assert.Equal("Cikampek Utama", after.GetProperty("name").GetString());
        Assert.Equal(AuditInterceptor.Masked, before.GetProperty("password_encrypted").GetString());
        Assert.Equal(AuditInterceptor.Masked, after.GetProperty("password_encrypted").GetString());

        using var delete = JsonDocument.Parse(rows[2].Changes);
        Assert.Equal("Cikampek Utama", delete.RootElement.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, delete.RootElement.GetProperty("after").ValueKind);
        Assert.All(rows, r => Assert.DoesNotContain("protected", r.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_are_never_written_into_the_audit_log()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, _actor);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IspDbContext>();
        var (location, package, router) = await AddNetworkAsync(context);
        var customer = new Customer("KCB-CKP020426-001", "Siti", "+6281300000001", location.Id, package.Id, At)
        {
            NikEncrypted = "nik-cipher-SECRET",
            NikHash = new string('a', 64),
        };
        customer.AssignRouter(router.Id);
        context.Add(customer);
        context.Add(new PortalUser { Id = Guid.NewGuid(), UserName = "finance", PasswordHash = "hash-SECRET", SecurityStamp = "stamp-SECRET", FullName = "F" });
        context.Add(new ApiKey { Name = "billing", Prefix = "abcd1234", KeyHash = "keyhash-SECRET", CreatedAt = At });
        await context.SaveChangesAsync();
        context.Add(new PppoeSecret(router.Id, customer.Id, "CKP001", "pppoe-SECRET", "home-20", false, At));
        await context.SaveChangesAsync();

        var rows = await AuditRowsAsync();
        Assert.Contains(rows, r => r.Entity == "users" && After(r, "password_hash") == AuditInterceptor.Masked);
        Assert.Contains(rows, r => r.Entity == "api_keys" && After(r, "key_hash") == AuditInterceptor.Masked);
        Assert.Contains(rows, r => r.Entity == "customers" && After(r, "nik_encrypted") == AuditInterceptor.Masked);
        Assert.Contains(rows, r => r.Entity == "pppoe_secrets" && After(r, "password_encrypted") == AuditInterceptor.Masked);
        Assert.All(rows, r => Assert.DoesNotContain("SECRET", r.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changes_the_sync_makes_by_itself_and_append_only_logs_are_not_audited()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, _actor);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IspDbContext>();
        var (location, package, router) = await AddNetworkAsync(context);
        var customer = await AddCustomerAsync(context, location, package, router);
        var before = (await AuditRowsAsync()).Count;

        router.RecordSync(new RouterStatusReport("7.16", "RB4011", 12, 3600, 1), TimeSpan.FromSeconds(2), At);
        var log = customer.RecordConnection(ConnectionState.Online, System.Net.IPAddress.Parse("10.10.0.2"), At, At);
        context.Add(log!);
        context.Add(new RouterLog(router.Id, At, "sync", RouterLogOutcome.Succeeded));
        await context.SaveChangesAsync();

        Assert.Equal(before, (await AuditRowsAsync()).Count);
        await using var check = db.CreateDbContext();
        Assert.Equal(ConnectionState.Online, (await check.Customers.SingleAsync()).ConnectionState);
        Assert.Equal(1, await check.CustomerStatusLogs.CountAsync());
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_change_nor_its_audit_row()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, _actor);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IspDbContext>();
        var (location, _, _) = await AddNetworkAsync(context);
        var before = (await AuditRowsAsync()).Count;

        context.Add(new LocationCode { Code = "BDG", Name = "Bandung", CreatedAt = At });
        context.Add(new Router("CKP", "Duplicate", location.Id, "10.0.0.9", 8728, "admin", "x", At) { IsolationProfile = "isolir" });
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Equal(before, (await AuditRowsAsync()).Count);
        await using var check = db.CreateDbContext();
        Assert.False(await check.LocationCodes.AnyAsync(l => l.Code == "BDG"));
    }

    [Fact]
    public async Task Inside_the_callers_transaction_the_audit_commits_or_rolls_back_with_the_change()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, At, _actor);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IspDbContext>();

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Add(new LocationCode { Code = "JKT", Name = "Jakarta", CreatedAt = At });
            await context.SaveChangesAsync();
            Assert.Single(await context.AuditLogs.Where(a => a.Entity == "location_codes").ToListAsync());
            await transaction.RollbackAsync();
        }

        Assert.Empty(await AuditRowsAsync("location_codes"));
    }

    [Fact]
    public void Synchronous_saves_are_audited_too_and_default_to_the_system_actor()
    {
        using var context = db.CreateDbContext();

        context.Add(new LocationCode { Code = "SBY", Name = "Surabaya", CreatedAt = At });
        context.SaveChanges();

        var row = context.AuditLogs.Single(a => a.Entity == "location_codes");
        Assert.Equal(AuditAction.Insert, row.Action);
        Assert.Null(row.UserId);
        Assert.Equal(Actor.System.Name, row.UserName);
        Assert.Equal("SBY", After(row, "code"));
    }

    private static string? After(AuditLog row, string column)
    {
        using var changes = JsonDocument.Parse(row.Changes);
        return changes.RootElement.GetProperty("after").TryGetProperty(column, out var value) ? value.GetString() : null;
    }

    private async Task<List<AuditLog>> AuditRowsAsync(string? entity = null)
    {
        await using var context = db.CreateDbContext();
        return await context.AuditLogs.Where(a => entity == null || a.Entity == entity).OrderBy(a => a.Id).ToListAsync();
    }
}
